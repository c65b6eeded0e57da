// Environment variables of a container: literal values, single keys of a ConfigMap or
// Secret, fields of the pod (fieldRef: its name, its IP...), and whole ConfigMaps or
// Secrets (envFrom).
#pragma once

#include <kubestack/data_refs.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    env_var_name_must_be_letters_digits_underscores_dashes_or_dots_not_starting_with_a_digit)
KUBESTACK_BROKEN_RULE(
    field_ref_must_be_a_pod_field_such_as_metadata_name_status_podIP_or_metadata_labels_key)
} // namespace broken_rule

constexpr bool is_env_var_name(std::string_view text) {
    return !text.empty() && !detail::is_digit(text.front()) && detail::all_of(text, [](char c) {
        return detail::is_alnum(c) || c == '_' || c == '-' || c == '.';
    });
}

namespace rules {
struct EnvVarName {
    static constexpr auto accepts = is_env_var_name;
    KUBESTACK_REJECTED_BY(
        env_var_name_must_be_letters_digits_underscores_dashes_or_dots_not_starting_with_a_digit)
};
} // namespace rules

using EnvVarName = detail::CheckedText<rules::EnvVarName>;

// The pod fields that Kubernetes gives to env values (validEnvDownwardAPIFieldPathExpressions),
// and one label or annotation: metadata.labels['app'].
constexpr bool is_pod_field_path(std::string_view text) {
    constexpr std::string_view fields[] = {"metadata.name",
                                           "metadata.namespace",
                                           "metadata.uid",
                                           "spec.nodeName",
                                           "spec.serviceAccountName",
                                           "status.hostIP",
                                           "status.hostIPs",
                                           "status.podIP",
                                           "status.podIPs"};
    for (std::string_view field : fields)
        if (text == field) return true;
    for (std::string_view map :
         {std::string_view("metadata.labels['"), std::string_view("metadata.annotations['")})
        if (text.starts_with(map) && text.ends_with("']")) {
            const std::string_view key = text.substr(map.size(), text.size() - map.size() - 2);
            return !key.empty() && key.find('\'') == std::string_view::npos &&
                   !detail::any_of(key, detail::is_space_or_control);
        }
    return false;
}

namespace rules {
struct PodFieldPath {
    static constexpr auto accepts = is_pod_field_path;
    KUBESTACK_REJECTED_BY(
        field_ref_must_be_a_pod_field_such_as_metadata_name_status_podIP_or_metadata_labels_key)
};
} // namespace rules

// A field of the pod, as an env value: env("POD_IP", fieldRef("status.podIP")).
struct FieldRef {
    std::string_view path;
};

constexpr FieldRef fieldRef(detail::CheckedText<rules::PodFieldPath> path) {
    return {path};
}

struct EnvVar {
    std::string_view name;
    bool from_key = false;   // false: `value` holds the literal
    bool from_field = false; // `value` holds the pod field's path (fieldRef), not a literal
    std::string_view value;
    KeyRef key;
    // Set when the literal is read from the binary's environment (environment.hpp).
    std::string_view environment;
    bool required = false;
};

} // namespace kubestack
