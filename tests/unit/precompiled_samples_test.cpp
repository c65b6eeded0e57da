// The precompiled header's samples must take the paths that report, or each stack source
// pays for instantiating those paths itself (include/kubestack/precompiled.hpp). These
// checks fail when a sample stops breaking what it was written to break.
#include <algorithm>
#include <catch2/catch.hpp>
#include <kubestack/precompiled.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace kubestack;
namespace samples = kubestack::detail::precompiled;

namespace {

// Whether a violation of the rule has a message that starts with the text.
bool reports(const std::vector<Violation>& violations, StackRule rule, const std::string& text) {
    return std::any_of(violations.begin(), violations.end(), [&](const Violation& v) {
        return v.rule == rule && std::string_view(v.message).starts_with(text);
    });
}

bool breaks(const std::vector<Violation>& violations, StackRule rule) {
    return std::any_of(violations.begin(), violations.end(),
                       [&](const Violation& v) { return v.rule == rule; });
}

bool breaks_check(const std::vector<Violation>& violations, std::string_view check,
                  std::string_view kind) {
    return reports(violations, StackRule::policy_broken,
                   std::string(check) + ": " + std::string(kind) + " \"");
}

constexpr std::string_view workload_kinds[] = {"Deployment", "StatefulSet", "DaemonSet", "Job",
                                               "CronJob"};

} // namespace

TEST_CASE("the policy sample breaks every check the stack does not waive") {
    const std::vector<Violation> violations = check_stack(samples::every_check_broken());
    for (const PolicyCheckInfo& info : policy_checks) {
        const bool waived_by_the_stack =
            info.check == PolicyCheck::network_policy || info.check == PolicyCheck::readiness_probe;
        INFO(info.name);
        CHECK(reports(violations, StackRule::policy_broken, std::string(info.name) + ": ") !=
              waived_by_the_stack);
    }
}

TEST_CASE("the policy sample breaks the pod and container checks on every workload kind") {
    const std::vector<Violation> violations = check_stack(samples::every_check_broken());
    for (std::string_view kind : workload_kinds) {
        INFO(kind);
        CHECK(breaks_check(violations, "kube-linter/host-pid", kind));
        CHECK(breaks_check(violations, "polaris/dangerousCapabilities", kind));
    }
}

TEST_CASE("the hardened policy sample breaks only what hardened() leaves") {
    const std::vector<Violation> violations = check_stack(samples::every_check_broken_hardened());
    for (std::string_view kind : workload_kinds) {
        INFO(kind);
        CHECK(breaks_check(violations, "kube-linter/host-pid", kind));
        CHECK_FALSE(breaks_check(violations, "polaris/insecureCapabilities", kind));
    }
}

TEST_CASE("the rules sample breaks whole-stack rules, and reports stale waivers of each kind") {
    const std::vector<Violation> violations = check_stack(samples::every_rule_broken());
    CHECK(breaks(violations, StackRule::service_selects_no_pod));
    CHECK(breaks(violations, StackRule::target_port_not_exposed));
    CHECK(breaks(violations, StackRule::ingress_backend_missing));
    CHECK(breaks(violations, StackRule::config_missing));
    CHECK(breaks(violations, StackRule::namespace_missing));
    for (std::string_view kind :
         {"Namespace", "ServiceAccount", "ConfigMap", "PersistentVolumeClaim", "Deployment",
          "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
          "StorageClass"}) {
        INFO(kind);
        CHECK(reports(violations, StackRule::waiver_waives_nothing, std::string(kind) + " \""));
    }
}
