// The check of one object's old and new manifests against the table of immutable fields.
#include "immutable_fields.hpp"

#include <algorithm>

namespace kubestack::review {
namespace {

std::string_view text_at(const YamlNode& node, std::string_view path) {
    const YamlNode* found = node.at(path);
    return found && found->kind == YamlNode::Kind::Scalar ? std::string_view(found->text)
                                                          : std::string_view();
}

bool contains_word(std::string_view words, std::string_view word) {
    while (!words.empty()) {
        const std::size_t space = words.find(' ');
        if (words.substr(0, space) == word) return true;
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
    }
    return false;
}

// The paths an entry covers in these two manifests.
std::vector<std::string> paths_of(const ImmutableField& entry, const YamlNode& before,
                                  const YamlNode& after) {
    if (!entry.field.ends_with(".*")) return {std::string(entry.field)};
    const std::string_view parent = entry.field.substr(0, entry.field.size() - 2);
    std::vector<std::string> children;
    const auto add = [&](std::string_view child) {
        const std::string path = std::string(parent) + "." + std::string(child);
        if (std::find(children.begin(), children.end(), path) == children.end())
            children.push_back(path);
    };
    for (const YamlNode* side : {before.at(parent), after.at(parent)}) {
        if (!side || side->kind != YamlNode::Kind::Map) continue;
        for (const auto& [child, value] : side->entries)
            if (entry.only.empty() ? !contains_word(entry.except, child)
                                   : contains_word(entry.only, child))
                add(child);
    }
    return children;
}

bool is_true(const YamlNode* node) {
    return node && node->kind == YamlNode::Kind::Scalar && node->plain && node->text == "true";
}

bool applies(const ImmutableField& entry, const YamlNode& before, const YamlNode& after,
             const YamlNode* old_value, const YamlNode* new_value) {
    const bool changed = (old_value == nullptr) != (new_value == nullptr) ||
                         (old_value && !same_value(*old_value, *new_value));
    if (!changed) return false;
    switch (entry.rule) {
    case ChangeRule::ChangedWhileSet:
        // An ExternalName Service has no cluster IP: changing to or from it is allowed.
        return old_value && new_value && text_at(before, "spec.type") != "ExternalName" &&
               text_at(after, "spec.type") != "ExternalName";
    case ChangeRule::ChangedOnceSet:
        return old_value != nullptr && !(old_value->plain && old_value->text.empty());
    case ChangeRule::ChangedIfImmutable:
        return is_true(before.find("immutable"));
    case ChangeRule::ImmutableFlagUnset:
        return is_true(old_value) && !is_true(new_value);
    default:
        return true;
    }
}

} // namespace

std::string describe_object(const YamlNode& manifest) {
    std::string text(text_at(manifest, "kind"));
    const std::string_view name = text_at(manifest, "metadata.name");
    if (!name.empty()) text += " \"" + std::string(name) + "\""; // a Kustomization has none
    const std::string_view ns = text_at(manifest, "metadata.namespace");
    if (!ns.empty()) text += " in namespace \"" + std::string(ns) + "\"";
    return text;
}

std::vector<Finding> immutable_changes(const YamlNode& before, const YamlNode& after) {
    const std::string_view kind = text_at(after, "kind");
    std::vector<Finding> findings;
    if (kind.empty() || text_at(before, "kind") != kind) return findings;
    for (const ImmutableField& entry : immutable_fields()) {
        if (entry.kind != kind) continue;
        for (const std::string& path : paths_of(entry, before, after)) {
            const YamlNode fallback = YamlNode::scalar(std::string(entry.absent_means), true);
            const YamlNode* old_value = before.at(path);
            const YamlNode* new_value = after.at(path);
            if (!entry.absent_means.empty()) {
                if (!old_value) old_value = &fallback;
                if (!new_value) new_value = &fallback;
            }
            if (!applies(entry, before, after, old_value, new_value)) continue;
            if (std::any_of(findings.begin(), findings.end(),
                            [&](const Finding& f) { return f.field == path; }))
                continue;
            findings.push_back({entry.severity, describe_object(after), path,
                                old_value ? to_flow(*old_value) : "(none)",
                                new_value ? to_flow(*new_value) : "(none)",
                                std::string(entry.consequence)});
        }
    }
    return findings;
}

std::string to_line(const Finding& finding) {
    // Long values (a pod template) are cut: the diff above shows them whole.
    const auto shorten = [](const std::string& value) {
        constexpr std::size_t longest = 160;
        return value.size() <= longest ? value : value.substr(0, longest - 3) + "...";
    };
    return std::string(finding.severity == Severity::Error ? "error: " : "warning: ") +
           finding.object + ": " + finding.field + " changes from " + shorten(finding.before) +
           " to " + shorten(finding.after) + ": " + finding.consequence;
}

} // namespace kubestack::review
