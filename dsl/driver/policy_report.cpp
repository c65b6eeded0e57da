#include "policy_report.hpp"

#include <cstddef>
#include <fmt/format.h>
#include <kubestack/references.hpp>
#include <kubestack/rule_report.hpp>
#include <vector>

namespace kubestack::driver {
namespace {

struct ObjectWaiver {
    std::string object; // Deployment "traefik" in namespace "kube-public"
    Waiver waiver;
};

std::vector<ObjectWaiver> object_waivers(const StackView& stack) {
    std::vector<ObjectWaiver> found;
    for_each_object(stack, [&](Kind, const auto& object) {
        const ObjectMeta& meta = object.metadata();
        if (meta.waivers.empty()) return;
        detail::TextBuilder text = detail::RuleReport::describe(object);
        if (!meta.ns.empty()) detail::RuleReport::in_namespace(text, meta.ns);
        const std::string name(text.take().view());
        for (const Waiver& waiver : meta.waivers)
            found.push_back({name, waiver});
    });
    return found;
}

std::string checks_of(const Waiver& waiver) {
    std::string names;
    for (const PolicyCheckInfo& info : policy_checks)
        if (waiver.waives(info.check))
            names += fmt::format("{}{}", names.empty() ? "" : ", ", info.name);
    return names;
}

std::size_t selected_count(const PolicySet& policy) {
    std::size_t count = 0;
    for (const PolicyCheckInfo& info : policy_checks)
        count += policy.selects(info.check) ? 1 : 0;
    return count;
}

} // namespace

std::string policy_report(const StackView& stack) {
    const PolicySet& policy = stack.policy();
    if (!stack.policy().chosen())
        return "The stack selects no policy: add stack().policy(policies::recommended) to check "
               "it (kubestack/policy.hpp).\n";
    std::string text = fmt::format("The stack selects {} of the {} policy checks:\n",
                                   selected_count(policy), policy_check_count);
    for (const PolicyCheckInfo& info : policy_checks)
        text += fmt::format("  {} {:<48} {}\n", policy.selects(info.check) ? "on " : "off",
                            info.name, info.asks);
    const auto reason_line = [](const Waiver& waiver) {
        return fmt::format("      because: {}\n", waiver.reason());
    };
    text += "\nWaived by the stack:\n";
    if (policy.waivers().empty()) text += "  (nothing)\n";
    for (const Waiver& waiver : policy.waivers())
        text += fmt::format("  {}\n", checks_of(waiver)) + reason_line(waiver);
    text += "\nWaived by objects:\n";
    const std::vector<ObjectWaiver> waivers = object_waivers(stack);
    if (waivers.empty()) text += "  (nothing)\n";
    for (std::size_t i = 0; i < waivers.size(); ++i) {
        if (i == 0 || waivers[i].object != waivers[i - 1].object)
            text += fmt::format("  {}\n", waivers[i].object);
        text +=
            fmt::format("    {}\n", checks_of(waivers[i].waiver)) + reason_line(waivers[i].waiver);
    }
    return text;
}

std::string policy_summary(const StackView& stack) {
    if (!stack.policy().chosen()) return "Policy: none selected.\n";
    return fmt::format("Policy: {} of {} checks selected, {} waiver(s) with their reasons: "
                       "--policy lists them.\n",
                       selected_count(stack.policy()), policy_check_count,
                       stack.policy().waivers().size() + object_waivers(stack).size());
}

} // namespace kubestack::driver
