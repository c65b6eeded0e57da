// Pod volumes and where containers mount them.
//
// A pod volume is declared by what it is made of: a PersistentVolumeClaim, a ConfigMap,
// a Secret, a directory of the node (hostPath), or an empty directory that lives as long as
// the pod (emptyDir). Mounting one adds it to the pod once.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/names.hpp>
#include <kubestack/quantity.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(path_must_be_absolute_and_free_of_spaces_and_control_characters)
KUBESTACK_BROKEN_RULE(mount_path_must_be_absolute_and_free_of_colons_spaces_and_control_characters)
} // namespace broken_rule

constexpr bool is_absolute_path(std::string_view text) {
    return !text.empty() && text.front() == '/' &&
           !detail::any_of(text, detail::is_space_or_control);
}

namespace rules {
struct AbsolutePath {
    static constexpr auto accepts = is_absolute_path;
    KUBESTACK_REJECTED_BY(path_must_be_absolute_and_free_of_spaces_and_control_characters)
};
} // namespace rules

using AbsolutePath = detail::CheckedText<rules::AbsolutePath>;

// Where a container mounts a volume. The API server accepts a ':' there, but the runtime
// reads it as the separator of "host:container[:options]" and the container never starts.
constexpr bool is_mount_path(std::string_view text) {
    return is_absolute_path(text) && text.find(':') == std::string_view::npos;
}

namespace rules {
struct MountPath {
    static constexpr auto accepts = is_mount_path;
    KUBESTACK_REJECTED_BY(
        mount_path_must_be_absolute_and_free_of_colons_spaces_and_control_characters)
};
} // namespace rules

using MountPath = detail::CheckedText<rules::MountPath>;

enum class VolumeSource { PersistentVolumeClaim, ConfigMap, Secret, HostPath, EmptyDir };

// The source as the manifest's volume field names it.
constexpr std::string_view to_string(VolumeSource source) {
    switch (source) {
    case VolumeSource::PersistentVolumeClaim:
        return "persistentVolumeClaim";
    case VolumeSource::ConfigMap:
        return "configMap";
    case VolumeSource::Secret:
        return "secret";
    case VolumeSource::HostPath:
        return "hostPath";
    default:
        return "emptyDir";
    }
}

// Where an emptyDir lives: the node's disk, or memory (tmpfs).
enum class StorageMedium : unsigned char { Disk, Memory };

struct Volume {
    std::string_view name;
    VolumeSource source = VolumeSource::HostPath;
    // The claim, ConfigMap or Secret name, the node's path, or an emptyDir's size limit
    // (empty: none). One field for all, to keep a pod's volume lists small.
    std::string_view reference;
    bool created_elsewhere = false;             // the claim, ConfigMap or Secret
    StorageMedium medium = StorageMedium::Disk; // an emptyDir's
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

// An empty directory for the pod's life: `emptyDir("cache")`, on the node's disk, or
// `emptyDir("cache", StorageMedium::Memory, "64Mi")`, with a size limit.
constexpr Volume emptyDir(DnsLabel name, StorageMedium medium = StorageMedium::Disk) {
    return {name, VolumeSource::EmptyDir, {}, false, medium};
}
constexpr Volume emptyDir(DnsLabel name, StorageMedium medium, Bytes size_limit) {
    return {name, VolumeSource::EmptyDir, size_limit, false, medium};
}
constexpr Volume emptyDir(DnsLabel name, Bytes size_limit) {
    return emptyDir(name, StorageMedium::Disk, size_limit);
}

} // namespace kubestack
