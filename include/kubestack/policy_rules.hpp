// The policy checks (policy.hpp) on a stack's objects, and the waivers that excuse them.
//
// The whole-stack checker runs them after its own rules. A broken check is reported like
// a whole-stack rule, the check's name first:
//
//     kube-linter/latest-tag: DaemonSet "cadvisor" container "cadvisor" runs image
//     "google/cadvisor:latest"; the check asks that every image is pinned to a tag other
//     than latest, or a digest: fix it, or .waive("kube-linter/latest-tag", "why")
//
// A waiver that excuses no broken check is reported too: the object keeps the check, or
// the stack does not select it.
#pragma once

#include <cstddef>
#include <kubestack/account_bindings.hpp>
#include <kubestack/policy.hpp>
#include <kubestack/rule_report.hpp>
#include <kubestack/stack_view.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace kubestack::detail {

static_assert(
    [] {
        for (std::size_t i = 0; i < policy_check_count; ++i)
            if (static_cast<std::size_t>(policy_checks[i].check) != i) return false;
        return true;
    }(),
    "policy_checks lists the checks in PolicyCheck's order");

// The tag of an image reference: "" for none, "@" for a digest.
constexpr std::string_view image_tag(std::string_view image) {
    if (image.find('@') != std::string_view::npos) return "@";
    const std::size_t slash = image.rfind('/');
    const std::size_t colon = image.rfind(':');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash))
        return {};
    return image.substr(colon + 1);
}

class PolicyChecker {
public:
    constexpr PolicyChecker(RuleReport& report, const StackView& stack)
        : report_(report)
        , stack_(stack) {}

    constexpr void run() {
        check_workloads();
        check_roles();
        report_stale_waivers();
    }

private:
    // --- workloads -------------------------------------------------------------------

    constexpr void check_workloads() {
        for_each_kind([&]<class Object>() {
            if constexpr (WorkloadKind<Object>)
                for (const Object& workload : stack_.all<Object>())
                    check_workload(kind_of<Object>, workload);
        });
    }

    template <class Workload>
    constexpr void check_workload(Kind kind, const Workload& workload) {
        const ObjectMeta& meta = workload.metadata();
        const PodTemplate& pod = workload.pod();
        const bool serves = is_selected_by_a_service(workload);
        const bool runs_to_completion = kind == kind_of<Job> || kind == kind_of<CronJob>;
        // One readiness probe makes the pod's readiness known, as kube-score asks: a sidecar
        // needs none of its own.
        bool probed = false;
        for (const Container& c : pod.containers) {
            check_container(kind, meta, pod, c);
            probed = probed || (!c.is_init() && c.has_check(CheckKind::Readiness));
        }
        if (serves && !runs_to_completion && !probed)
            broken(PolicyCheck::readiness_probe, kind, meta, [](TextBuilder& text) {
                text << " has no readiness probe in any container, and a Service sends its "
                        "pods traffic";
            });
        // Unconfined is no profile.
        const auto confined = [](std::optional<Seccomp> profile) {
            return profile && *profile != Seccomp::Unconfined;
        };
        // A container's own profile wins over its pod's.
        const std::optional<Seccomp> pod_profile = pod.effective_security().seccomp();
        for (const Container& c : pod.containers) {
            const std::optional<Seccomp> own = pod.effective_security(c).seccomp();
            if (confined(own ? own : pod_profile)) continue;
            broken(PolicyCheck::seccomp, kind, meta, [&](TextBuilder& text) {
                container_of(text, c)
                    << (own           ? " runs Unconfined"
                        : pod_profile ? " runs Unconfined, as its pod says"
                                      : " has no seccomp profile, nor has its pod");
            });
            break;
        }
        const auto host = [&](PolicyCheck check, bool shared, std::string_view what) {
            if (shared)
                broken(check, kind, meta, [&](TextBuilder& text) { text << " shares " << what; });
        };
        host(PolicyCheck::host_network, pod.host_network, "the node's network (hostNetwork)");
        host(PolicyCheck::host_pid, pod.host_pid, "the node's process IDs (hostPID)");
        host(PolicyCheck::host_ipc, pod.host_ipc, "the node's IPC (hostIPC)");
        if (pod.token_mounted(account_is_bound(stack_, meta.ns, pod.service_account)) != false)
            broken(PolicyCheck::service_account_token, kind, meta,
                   [](TextBuilder& text) { text << " mounts its service account's token"; });
        for (const Volume& volume : pod.volumes()) {
            if (volume.source != VolumeSource::HostPath) continue;
            if (is_sensitive_host_path(volume.reference))
                broken(PolicyCheck::sensitive_host_mounts, kind, meta, [&](TextBuilder& text) {
                    text << " mounts host path " << volume.reference;
                });
            if (volume.reference.ends_with("docker.sock"))
                broken(PolicyCheck::docker_socket, kind, meta, [&](TextBuilder& text) {
                    text << " mounts the docker socket " << volume.reference;
                });
        }
        if constexpr (requires { workload.replica_count(); }) {
            const PolicyCheck budget = kind == kind_of<StatefulSet>
                                           ? PolicyCheck::stateful_set_disruption_budget
                                           : PolicyCheck::deployment_disruption_budget;
            // An autoscaler may run it with up to its maximum.
            int replicas = workload.replica_count();
            bool autoscaled = false;
            for (const HorizontalPodAutoscaler& autoscaler : stack_.all<HorizontalPodAutoscaler>())
                if (autoscaler.ns() == meta.ns && autoscaler.target().name == meta.name &&
                    autoscaler.target().kind == kind_name(kind) &&
                    autoscaler.max_replicas() > replicas) {
                    replicas = autoscaler.max_replicas();
                    autoscaled = true;
                }
            if ((kind == kind_of<Deployment> || kind == kind_of<StatefulSet>)&&replicas > 1 &&
                !has_disruption_budget(meta.ns, pod.labels))
                broken(budget, kind, meta, [&](TextBuilder& text) {
                    text << (autoscaled ? " scales up to " : " runs ") << replicas
                         << " replicas, and no PodDisruptionBudget selects its pods";
                });
        }
        if (!has_network_policy(meta.ns, pod.labels))
            broken(PolicyCheck::network_policy, kind, meta,
                   [&](TextBuilder& text) { text << " has pods that no NetworkPolicy selects"; });
    }

    constexpr void check_container(Kind kind, const ObjectMeta& meta, const PodTemplate& pod,
                                   const Container& c) {
        const Resources& r = c.resources();
        if (r.cpu_request.empty() || r.cpu_limit.empty() || r.memory_request.empty() ||
            r.memory_limit.empty())
            broken(PolicyCheck::container_resources, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " does not set";
                std::string_view separator = " ";
                for (const auto& [value, what] : {std::pair{r.cpu_request, "a cpu request"},
                                                  std::pair{r.cpu_limit, "a cpu limit"},
                                                  std::pair{r.memory_request, "a memory request"},
                                                  std::pair{r.memory_limit, "a memory limit"}})
                    if (value.empty()) {
                        text << separator << what;
                        separator = ", ";
                    }
            });
        const std::string_view tag = image_tag(c.image());
        if (tag.empty() || tag == "latest")
            broken(PolicyCheck::latest_tag, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " runs image ";
                text.quoted(c.image());
            });
        const bool pulls_always = c.image_pull_policy()
                                      ? *c.image_pull_policy() == ImagePullPolicy::Always
                                      : tag.empty() || tag == "latest";
        if (!pulls_always)
            broken(PolicyCheck::image_pull_policy, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " does not pull its image Always";
            });
        const ContainerSecurity security = pod.effective_security(c);
        if (security.allow_privilege_escalation() != false)
            broken(PolicyCheck::privilege_escalation, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " does not set allowPrivilegeEscalation: false";
            });
        if (security.is_privileged() == true)
            broken(PolicyCheck::privileged, kind, meta,
                   [&](TextBuilder& text) { container_of(text, c) << " is privileged"; });
        if (!runs_as_non_root(pod.effective_security(), security))
            broken(PolicyCheck::run_as_non_root, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " may run as root: set runAsNonRoot, or a runAsUser "
                                         "above 0";
            });
        if (security.read_only_root_filesystem() != true)
            broken(PolicyCheck::read_only_root_filesystem, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " has a writable root filesystem";
            });
        bool drops_all = false;
        for (std::string_view name : security.dropped_capabilities())
            drops_all = drops_all || name == "ALL";
        if (!drops_all)
            broken(PolicyCheck::capabilities, kind, meta, [&](TextBuilder& text) {
                container_of(text, c) << " does not drop ALL capabilities";
            });
        for (std::string_view name : security.added_capabilities())
            if (name == "ALL" || name == "SYS_ADMIN" || name == "NET_ADMIN")
                broken(PolicyCheck::dangerous_capabilities, kind, meta, [&](TextBuilder& text) {
                    container_of(text, c) << " adds capability " << name;
                });
    }

    static constexpr bool runs_as_non_root(const PodSecurity& pod,
                                           const ContainerSecurity& container) {
        const auto non_root = [](const auto& context) {
            return context.non_root() == true || (context.user() && *context.user() > 0);
        };
        // The container's own setting wins over the pod's.
        if (container.non_root() == false || (container.user() && *container.user() == 0))
            return false;
        return non_root(container) || non_root(pod);
    }

    static constexpr bool is_sensitive_host_path(std::string_view path) {
        for (std::string_view dir : {"/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"})
            if (path == dir) return true;
        return false;
    }

    template <class Workload>
    constexpr bool is_selected_by_a_service(const Workload& workload) const {
        for (const Service& service : stack_.all<Service>())
            if (selects(service, workload)) return true;
        return false;
    }
    constexpr bool has_disruption_budget(std::string_view ns, const Labels& labels) const {
        for (const PodDisruptionBudget& budget : stack_.all<PodDisruptionBudget>())
            if (budget.ns() == ns && labels.includes(budget.selector())) return true;
        return false;
    }
    // An empty pod selector selects every pod of the namespace.
    constexpr bool has_network_policy(std::string_view ns, const Labels& labels) const {
        for (const NetworkPolicy& policy : stack_.all<NetworkPolicy>())
            if (policy.ns() == ns && labels.includes(policy.selector())) return true;
        return false;
    }

    // --- RBAC ------------------------------------------------------------------------

    constexpr void check_roles() {
        const auto wildcards = [&](Kind kind, const ObjectMeta& meta, const auto& rules) {
            for (const PolicyRule& rule : rules) {
                bool wild = false;
                for (const Verb& verb : rule.verbs)
                    wild = wild || verb.view() == "*";
                for (std::string_view resource : rule.resources)
                    wild = wild || resource == "*";
                if (!wild) continue;
                broken(PolicyCheck::rbac_wildcard, kind, meta,
                       [](TextBuilder& text) { text << " grants \"*\""; });
                return;
            }
        };
        for (const ClusterRole& role : stack_.all<ClusterRole>())
            wildcards(kind_of<ClusterRole>, role.metadata(), role.rules());
        for (const Role& role : stack_.all<Role>())
            wildcards(kind_of<Role>, role.metadata(), role.rules());
        for (const ClusterRoleBinding& binding : stack_.all<ClusterRoleBinding>())
            if (binding.role_name() == "cluster-admin")
                broken(PolicyCheck::cluster_admin_binding, kind_of<ClusterRoleBinding>,
                       binding.metadata(),
                       [](TextBuilder& text) { text << " grants ClusterRole cluster-admin"; });
        for (const RoleBinding& binding : stack_.all<RoleBinding>())
            if (binding.role_ref().is_cluster_role() && binding.role_ref().name == "cluster-admin")
                broken(PolicyCheck::cluster_admin_binding, kind_of<RoleBinding>, binding.metadata(),
                       [](TextBuilder& text) { text << " grants ClusterRole cluster-admin"; });
    }

    // --- reporting -------------------------------------------------------------------

    static constexpr TextBuilder& container_of(TextBuilder& text, const Container& c) {
        text << " container ";
        return text.quoted(c.name());
    }

    // Reports a check the object breaks, unless the stack does not select it or the object
    // waives it. The text is built only then: text costs the checker more than the checks.
    template <class Detail>
    constexpr void broken(PolicyCheck check, Kind kind, const ObjectMeta& meta, Detail detail) {
        if (!stack_.policy().selects(check)) return;
        for (std::size_t i = 0; i < meta.waivers.size(); ++i)
            if (meta.waivers[i].waives(check)) {
                used_.push_back({meta.sequence, i, check});
                return;
            }
        const auto& stack_waivers = stack_.policy().waivers();
        for (std::size_t i = 0; i < stack_waivers.size(); ++i)
            if (stack_waivers[i].waives(check)) {
                used_.push_back({stack_waivers_key, i, check});
                return;
            }
        const PolicyCheckInfo& info = info_of(check);
        TextBuilder text;
        text << info.name << ": ";
        RuleReport::describe_into(text, kind, meta);
        detail(text);
        text << "; the check asks that " << info.asks << ": fix it, or .waive(\"" << info.name
             << "\", \"why\")";
        report_.add(StackRule::policy_broken, text);
    }

    constexpr void report_stale_waivers() {
        const auto why_stale = [&](PolicyCheck check, std::string_view breaker) {
            return stack_.policy().selects(check) ? breaker : "the stack's policy does not select";
        };
        for_each_kind([&]<class Object>() {
            for (const Object& object : stack_.all<Object>())
                for (std::size_t i = 0; i < object.metadata().waivers.size(); ++i)
                    for (const PolicyCheckInfo& info : policy_checks)
                        if (object.metadata().waivers[i].waives(info.check) &&
                            !used(object.metadata().sequence, i, info.check)) {
                            TextBuilder text = RuleReport::describe(object);
                            text << " waives " << info.name << ", which "
                                 << why_stale(info.check, waived_before(object.metadata().waivers,
                                                                        i, info.check)
                                                              ? "an earlier waiver of it waives"
                                                              : "it does not break")
                                 << ": remove the waiver";
                            report_.add(StackRule::waiver_waives_nothing, text);
                        }
        });
        const auto& stack_waivers = stack_.policy().waivers();
        for (std::size_t i = 0; i < stack_waivers.size(); ++i)
            for (const PolicyCheckInfo& info : policy_checks)
                if (stack_waivers[i].waives(info.check) &&
                    !used(stack_waivers_key, i, info.check)) {
                    TextBuilder text;
                    text << "the stack waives " << info.name << " (\"" << stack_waivers[i].reason()
                         << "\"), which "
                         << why_stale(info.check, waived_before(stack_waivers, i, info.check)
                                                      ? "an earlier waiver of the stack waives"
                                                      : "no object breaks, or waives itself")
                         << ": remove the waiver";
                    report_.add(StackRule::waiver_waives_nothing, text);
                }
    }
    // Whether a waiver before the index-th, in the same owner's list, waives the check.
    template <class Waivers>
    static constexpr bool waived_before(const Waivers& waivers, std::size_t index,
                                        PolicyCheck check) {
        for (std::size_t j = 0; j < index; ++j)
            if (waivers[j].waives(check)) return true;
        return false;
    }
    constexpr bool used(int owner, std::size_t index, PolicyCheck check) const {
        for (const UsedWaiver& u : used_)
            if (u.owner == owner && u.index == index && u.check == check) return true;
        return false;
    }
    // A waiver is known by its owner (an object's sequence, 0 and up, or the stack) and its
    // index among the owner's waivers: a second waiver of a check is stale.
    static constexpr int stack_waivers_key = -1;

    struct UsedWaiver {
        int owner;
        std::size_t index;
        PolicyCheck check;
    };

    RuleReport& report_;
    const StackView& stack_;
    std::vector<UsedWaiver> used_;
};

constexpr void check_policy(RuleReport& report, const StackView& stack) {
    PolicyChecker(report, stack).run();
}

} // namespace kubestack::detail
