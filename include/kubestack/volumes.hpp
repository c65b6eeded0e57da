// Pod volumes and where containers mount them.
//
// A pod volume is declared by what it is made of: a PersistentVolumeClaim, a ConfigMap,
// or a directory of the node (hostPath). Mounting one adds it to the pod once.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/names.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(path_must_be_absolute_and_free_of_spaces_and_control_characters)
} // namespace broken_rule

constexpr bool is_absolute_path(std::string_view text) {
    return !text.empty() && text.front() == '/' &&
           !detail::any_of(text, detail::is_space_or_control);
}

namespace rules {
struct AbsolutePath {
    static constexpr auto accepts = is_absolute_path;
    static constexpr auto reject =
        broken_rule::path_must_be_absolute_and_free_of_spaces_and_control_characters;
};
} // namespace rules

using AbsolutePath = detail::CheckedText<rules::AbsolutePath>;

enum class VolumeSource { PersistentVolumeClaim, ConfigMap, Secret, HostPath };

struct Volume {
    std::string_view name;
    VolumeSource source = VolumeSource::HostPath;
    std::string_view reference;     // claim, ConfigMap or Secret name, or the node's path
    bool created_elsewhere = false; // the claim, ConfigMap or Secret
};

struct VolumeMount {
    std::string_view volume;
    std::string_view path;
    bool read_only = false;
};

enum class Access { ReadWrite, ReadOnly };

// A directory of the node: `hostPath("docker", "/var/lib/docker")`.
constexpr Volume hostPath(DnsLabel name, AbsolutePath path) {
    return {name, VolumeSource::HostPath, path};
}

} // namespace kubestack
