// Security contexts: who a pod's processes run as, and what a container may do.
//
//     .podSecurityContext(podSecurity().runAsUser(1000).runAsGroup(1000).runAsNonRoot().fsGroup(1000))
//     .securityContext(containerSecurity().allowPrivilegeEscalation(false).privileged(false)
//                          .readOnlyRootFilesystem().dropCapabilities({"ALL"}))
//
// A setting not given is left out of the manifest, so Kubernetes' default applies; a
// setting given false is written false.
#pragma once

#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_number.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/detail/unset.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/limits.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(user_and_group_ids_must_not_be_negative)
KUBESTACK_BROKEN_RULE(capability_must_be_uppercase_letters_digits_or_underscores_without_CAP_prefix)
} // namespace broken_rule

constexpr bool is_unix_id(int id) {
    return id >= 0;
}

// As Linux names capabilities, less the CAP_ prefix that Kubernetes does not want: "NET_ADMIN",
// "IPC_LOCK", or "ALL".
constexpr bool is_capability(std::string_view text) {
    return !text.empty() && !text.starts_with("CAP_") && detail::is_upper(text.front()) &&
           detail::all_of(
               text, [](char c) { return detail::is_upper(c) || detail::is_digit(c) || c == '_'; });
}

namespace rules {
struct UnixId {
    static constexpr auto accepts = is_unix_id;
    KUBESTACK_REJECTED_BY(user_and_group_ids_must_not_be_negative)
};
struct Capability {
    static constexpr auto accepts = is_capability;
    KUBESTACK_REJECTED_BY(
        capability_must_be_uppercase_letters_digits_or_underscores_without_CAP_prefix)
};
} // namespace rules

using UnixId = detail::CheckedNumber<rules::UnixId>;
using Capability = detail::CheckedText<rules::Capability>;

enum class Seccomp : unsigned char { RuntimeDefault, Unconfined };

constexpr std::string_view to_string(Seccomp profile) {
    return profile == Seccomp::Unconfined ? "Unconfined" : "RuntimeDefault";
}

// What pods and containers share: the user and group of the processes, and seccomp.
template <class Self>
class RunAs {
public:
    constexpr Self& runAsUser(UnixId user) {
        user_ = user;
        return self();
    }
    constexpr Self& runAsGroup(UnixId group) {
        group_ = group;
        return self();
    }
    constexpr Self& runAsNonRoot(bool required = true) {
        non_root_ = detail::toggle(required);
        return self();
    }
    constexpr Self& seccompProfile(Seccomp profile) {
        seccomp_ = detail::code_of(profile);
        return self();
    }

    constexpr std::optional<int> user() const { return detail::given(user_); }
    constexpr std::optional<int> group() const { return detail::given(group_); }
    constexpr std::optional<bool> non_root() const { return detail::given(non_root_); }
    constexpr std::optional<Seccomp> seccomp() const { return detail::given<Seccomp>(seccomp_); }

private:
    constexpr Self& self() { return static_cast<Self&>(*this); }

    // Unset until given (detail/unset.hpp).
    int user_ = detail::unset, group_ = detail::unset;
    detail::Toggle non_root_ = detail::Toggle::Unset;
    unsigned char seccomp_ = 0;
};

// A pod's securityContext.
class PodSecurity : public RunAs<PodSecurity> {
public:
    // The group that owns the pod's volumes.
    constexpr PodSecurity& fsGroup(UnixId group) {
        fs_group_ = group;
        return *this;
    }
    constexpr std::optional<int> fs_group() const { return detail::given(fs_group_); }
    constexpr bool empty() const {
        return !user() && !group() && !non_root() && !seccomp() && !fs_group();
    }

private:
    int fs_group_ = detail::unset;
};

// A container's securityContext.
class ContainerSecurity : public RunAs<ContainerSecurity> {
public:
    constexpr ContainerSecurity& allowPrivilegeEscalation(bool allowed) {
        allow_privilege_escalation_ = detail::toggle(allowed);
        return *this;
    }
    constexpr ContainerSecurity& privileged(bool enabled) {
        privileged_ = detail::toggle(enabled);
        return *this;
    }
    constexpr ContainerSecurity& readOnlyRootFilesystem(bool enabled = true) {
        read_only_root_filesystem_ = detail::toggle(enabled);
        return *this;
    }
    constexpr ContainerSecurity& addCapabilities(std::initializer_list<Capability> names) {
        for (const Capability& name : names)
            add_.push_back(name);
        return *this;
    }
    constexpr ContainerSecurity& dropCapabilities(std::initializer_list<Capability> names) {
        for (const Capability& name : names)
            drop_.push_back(name);
        return *this;
    }

    constexpr std::optional<bool> allow_privilege_escalation() const {
        return detail::given(allow_privilege_escalation_);
    }
    constexpr std::optional<bool> is_privileged() const { return detail::given(privileged_); }
    constexpr std::optional<bool> read_only_root_filesystem() const {
        return detail::given(read_only_root_filesystem_);
    }
    constexpr const auto& added_capabilities() const { return add_; }
    constexpr const auto& dropped_capabilities() const { return drop_; }
    constexpr bool empty() const {
        return !user() && !group() && !non_root() && !seccomp() && !allow_privilege_escalation() &&
               !is_privileged() && !read_only_root_filesystem() && add_.empty() && drop_.empty();
    }

private:
    detail::Toggle allow_privilege_escalation_ = detail::Toggle::Unset,
                   privileged_ = detail::Toggle::Unset,
                   read_only_root_filesystem_ = detail::Toggle::Unset;
    detail::FixedList<std::string_view, limits::capabilities> add_, drop_;
};

constexpr PodSecurity podSecurity() {
    return {};
}
constexpr ContainerSecurity containerSecurity() {
    return {};
}

// The first version that serves seccompProfile in a security context.
inline constexpr KubernetesVersion seccomp_profile_since{1, 19};

// The hardened profile (Workload::hardened(), in Timoni's style): what a container and its
// pod run with unless they say otherwise. Settings given explicitly win, so a workload
// adjusts the profile by setting them: securityContext(ContainerSecurity()
// .readOnlyRootFilesystem(false)), or .addCapabilities({"NET_BIND_SERVICE"}) on top of the
// dropped ALL. It never sets a user ID: the image must run as a non-root user.
constexpr ContainerSecurity hardened(ContainerSecurity given) {
    // The API server refuses a privileged container that may not escalate.
    if (!given.allow_privilege_escalation() && given.is_privileged() != true)
        given.allowPrivilegeEscalation(false);
    if (!given.read_only_root_filesystem()) given.readOnlyRootFilesystem(true);
    if (given.dropped_capabilities().empty()) given.dropCapabilities({"ALL"});
    return given;
}
constexpr PodSecurity hardened(PodSecurity given) {
    if (!given.non_root() && !given.user()) given.runAsNonRoot(true);
    if (!given.seccomp()) given.seccompProfile(Seccomp::RuntimeDefault);
    return given;
}

} // namespace kubestack
