// Which service accounts a stack's bindings grant a role. The hardened profile mounts a
// pod's token only for such an account, and the policy checks read it the same way.
#pragma once

#include <kubestack/rbac.hpp>
#include <kubestack/stack_view.hpp>
#include <string_view>

namespace kubestack {

// Whether a RoleBinding or ClusterRoleBinding of the stack grants the account a role: a
// pod that runs as it calls the API. A pod without an account of its own runs as the
// namespace's default one, which no binding of the stack is taken to grant.
constexpr bool account_is_bound(const StackView& stack, std::string_view ns,
                                std::string_view account) {
    if (account.empty()) return false;
    const auto names = [&](const auto& binding) {
        for (const Subject& subject : binding.subjects())
            if (subject.ns == ns && subject.name == account) return true;
        return false;
    };
    for (const ClusterRoleBinding& binding : stack.all<ClusterRoleBinding>())
        if (names(binding)) return true;
    for (const RoleBinding& binding : stack.all<RoleBinding>())
        if (names(binding)) return true;
    return false;
}

} // namespace kubestack
