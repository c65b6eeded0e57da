// Fields that Kubernetes refuses to change on an existing object, and the check of an
// object's old and new manifests against them.
//
// The list itself is one table, in immutable_table.cpp, each entry naming the validation
// function of Kubernetes that enforces it. `error:` means kubectl apply will be rejected;
// `warning:` means it goes through but replaces or re-allocates part of the object.
#pragma once

#include "yaml_reader.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack::review {

enum class Severity { Error, Warning };

enum class ChangeRule {
    Changed,            // any change, setting or unsetting included
    ChangedWhileSet,    // both sides set, and different (the cluster fills it in when unset)
    ChangedOnceSet,     // set before, and changed or unset (it may be set once)
    ChangedIfImmutable, // the old object was marked `immutable: true`
    ImmutableFlagUnset, // `immutable: true` before, anything else after
};

struct ImmutableField {
    std::string_view kind;
    // A dotted path, or "<path>.*" for each child of <path>: the children in `only`, or
    // else every child but those in `except` (names separated by spaces).
    std::string_view field;
    ChangeRule rule;
    Severity severity;
    std::string_view consequence; // what the cluster does
    std::string_view source;      // the Kubernetes validation that enforces it
    std::string_view only = {};
    std::string_view except = {};
    // The value the API server gives the field when a manifest leaves it out: writing it
    // out, or leaving it out, changes nothing.
    std::string_view absent_means = {};
};

// The table (immutable_table.cpp).
std::span<const ImmutableField> immutable_fields();

struct Finding {
    Severity severity;
    std::string object; // Deployment "poll" in namespace "default"
    std::string field;  // spec.selector
    std::string before; // the old value, in flow style, or "(none)"
    std::string after;
    std::string consequence;
};

// Every immutable-field change from `before` to `after`, two manifests of one object;
// one finding per field, in table order.
std::vector<Finding> immutable_changes(const YamlNode& before, const YamlNode& after);

// "error: Deployment "poll" in namespace "default": spec.selector changes from ... to ...: ..."
std::string to_line(const Finding& finding);

// Deployment "poll" in namespace "default", from a manifest's kind and metadata.
std::string describe_object(const YamlNode& manifest);

} // namespace kubestack::review
