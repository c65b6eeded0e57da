// Policies: the checks that teams run on YAML after the fact (kube-score, kube-linter,
// Polaris), checked when the stack compiles. A stack opts in:
//
//     stack().policy(policies::recommended).apply(...)
//
// Each check keeps the name its source gives it, so that users recognise it. An object
// that breaks one on purpose says so where the choice is made, with the reason:
//
//     daemonSet("cadvisor").image("google/cadvisor:latest")
//         .waive("kube-linter/latest-tag", "SPEC.md requires google/cadvisor:latest")
//
// A broken check is a whole-stack error that names the check and the object; a waiver
// that waives nothing is one too, so that stale waivers cannot pile up. The checks
// themselves are in policy_rules.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <string_view>

namespace kubestack {

enum class PolicyCheck : unsigned char {
    container_resources,
    latest_tag,
    image_pull_policy,
    readiness_probe,
    privilege_escalation,
    privileged,
    run_as_non_root,
    read_only_root_filesystem,
    capabilities,
    dangerous_capabilities,
    seccomp,
    host_network,
    host_pid,
    host_ipc,
    sensitive_host_mounts,
    docker_socket,
    service_account_token,
    deployment_disruption_budget,
    stateful_set_disruption_budget,
    network_policy,
    rbac_wildcard,
    cluster_admin_binding,
};

struct PolicyCheckInfo {
    PolicyCheck check;
    std::string_view name; // as its source names it: "kube-linter/latest-tag"
    std::string_view asks; // what it asks of the object, for the error
};

// The one list of checks, in PolicyCheck's order.
inline constexpr PolicyCheckInfo policy_checks[] = {
    {PolicyCheck::container_resources, "kube-score/container-resources",
     "every container requests and limits cpu and memory"},
    {PolicyCheck::latest_tag, "kube-linter/latest-tag",
     "every image is pinned to a tag other than latest, or a digest"},
    {PolicyCheck::image_pull_policy, "kube-score/container-image-pull-policy",
     "every container pulls its image Always (the default only for :latest or no tag)"},
    {PolicyCheck::readiness_probe, "kube-score/pod-probes",
     "a pod that a Service selects has a readiness probe"},
    {PolicyCheck::privilege_escalation, "polaris/privilegeEscalationAllowed",
     "every container sets allowPrivilegeEscalation: false"},
    {PolicyCheck::privileged, "kube-linter/privileged-container", "no container is privileged"},
    {PolicyCheck::run_as_non_root, "kube-linter/run-as-non-root",
     "the pod or each container runs as non-root (runAsNonRoot, or runAsUser above 0)"},
    {PolicyCheck::read_only_root_filesystem, "kube-linter/no-read-only-root-fs",
     "every container has a read-only root filesystem"},
    {PolicyCheck::capabilities, "polaris/insecureCapabilities",
     "every container drops ALL capabilities (and adds back by name what it needs)"},
    {PolicyCheck::dangerous_capabilities, "polaris/dangerousCapabilities",
     "no container adds ALL, SYS_ADMIN or NET_ADMIN"},
    {PolicyCheck::seccomp, "kube-score/container-seccomp-profile",
     "the pod or each container sets a seccomp profile (RuntimeDefault)"},
    {PolicyCheck::host_network, "kube-linter/host-network", "no pod shares the node's network"},
    {PolicyCheck::host_pid, "kube-linter/host-pid", "no pod shares the node's process IDs"},
    {PolicyCheck::host_ipc, "kube-linter/host-ipc", "no pod shares the node's IPC"},
    {PolicyCheck::sensitive_host_mounts, "kube-linter/sensitive-host-mounts",
     "no hostPath volume mounts /, /boot, /dev, /etc, /lib, /proc, /sys or /usr"},
    {PolicyCheck::docker_socket, "kube-linter/docker-sock",
     "no hostPath volume mounts the docker socket"},
    {PolicyCheck::service_account_token, "polaris/automountServiceAccountToken",
     "every pod sets automountServiceAccountToken: false, and a pod that calls the API waives "
     "this with its reason"},
    {PolicyCheck::deployment_disruption_budget, "kube-score/deployment-has-poddisruptionbudget",
     "a Deployment of more than one replica has a PodDisruptionBudget"},
    {PolicyCheck::stateful_set_disruption_budget, "kube-score/statefulset-has-poddisruptionbudget",
     "a StatefulSet of more than one replica has a PodDisruptionBudget"},
    {PolicyCheck::network_policy, "kube-score/pod-networkpolicy",
     "a NetworkPolicy selects the workload's pods"},
    {PolicyCheck::rbac_wildcard, "kube-linter/wildcard-in-rules",
     "no role grants \"*\" verbs or resources"},
    {PolicyCheck::cluster_admin_binding, "kube-linter/cluster-admin-role-binding",
     "no binding grants cluster-admin"},
};
inline constexpr std::size_t policy_check_count = std::size(policy_checks);

constexpr const PolicyCheckInfo& info_of(PolicyCheck check) {
    return policy_checks[static_cast<std::size_t>(check)];
}
constexpr bool is_policy_check_name(std::string_view text) {
    for (const PolicyCheckInfo& info : policy_checks)
        if (info.name == text) return true;
    return false;
}
constexpr PolicyCheck policy_check_named(std::string_view name) {
    for (const PolicyCheckInfo& info : policy_checks)
        if (info.name == name) return info.check;
    return PolicyCheck::container_resources; // unreachable: names are checked where written
}
constexpr bool is_waiver_reason(std::string_view text) {
    return text.find_first_not_of(' ') != std::string_view::npos;
}

namespace broken_rule {
KUBESTACK_BROKEN_RULE(policy_check_must_be_a_name_listed_in_kubestack_policy_hpp)
KUBESTACK_BROKEN_RULE(waiver_needs_a_reason)
} // namespace broken_rule

namespace rules {
struct PolicyCheckName {
    static constexpr auto accepts = is_policy_check_name;
    KUBESTACK_REJECTED_BY(policy_check_must_be_a_name_listed_in_kubestack_policy_hpp)
};
struct WaiverReason {
    static constexpr auto accepts = is_waiver_reason;
    KUBESTACK_REJECTED_BY(waiver_needs_a_reason)
};
} // namespace rules

using PolicyCheckName = detail::CheckedText<rules::PolicyCheckName>;
using WaiverReason = detail::CheckedText<rules::WaiverReason>;

// The checks that an object breaks on purpose for one reason. The reason is a literal
// (WaiverReason), kept as a pointer, and the checks as bits: every object of a stack carries
// room for its waivers.
struct Waiver {
    const char* why = "";
    std::uint32_t checks = 0;

    constexpr std::string_view reason() const { return why; }
    constexpr bool waives(PolicyCheck check) const {
        return (checks >> static_cast<unsigned>(check) & 1U) != 0;
    }
};

// A waiver of the checks named, for the reason given. Name one to give it to several
// objects: constexpr Waiver untested_image = waiver({...}, "needs a live test").
constexpr Waiver waiver(std::initializer_list<PolicyCheckName> checks, WaiverReason reason) {
    Waiver made{reason.view().data()};
    for (const PolicyCheckName& check : checks)
        made.checks |= std::uint32_t{1} << static_cast<unsigned>(policy_check_named(check));
    return made;
}

// The checks a stack selects.
class PolicySet {
public:
    constexpr PolicySet() = default;
    static constexpr PolicySet every_check() {
        PolicySet set;
        set.bits_ = (std::uint32_t{1} << policy_check_count) - 1;
        return set;
    }
    constexpr PolicySet without(PolicyCheckName name) const {
        PolicySet set = *this;
        set.bits_ &= ~bit(policy_check_named(name));
        return set;
    }
    constexpr PolicySet with(PolicyCheckName name) const {
        PolicySet set = *this;
        set.bits_ |= bit(policy_check_named(name));
        return set;
    }
    constexpr bool selects(PolicyCheck check) const { return (bits_ & bit(check)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }

    // The waivers of the whole stack (Stack::waive): checks that every object may break,
    // for one reason each.
    constexpr const auto& waivers() const { return waivers_; }
    constexpr void add_waiver(Waiver waiver) { waivers_.push_back(waiver); }

    // Whether a stack selected this set (Stack::policy). The checker is known by this flag,
    // not by comparing its pointer with null: under -fsanitize, GCC cannot compare a
    // function's address in a constant expression.
    constexpr bool chosen() const { return chosen_; }
    constexpr void mark_chosen() { chosen_ = true; }

private:
    static constexpr std::uint32_t bit(PolicyCheck check) {
        return std::uint32_t{1} << static_cast<unsigned>(check);
    }
    std::uint32_t bits_ = 0;
    detail::FixedList<Waiver, limits::stack_waivers> waivers_;
    bool chosen_ = false;
};

namespace policies {
// Every check above. A stack narrows it with .without("kube-score/...").
inline constexpr PolicySet recommended = PolicySet::every_check();
} // namespace policies

} // namespace kubestack
