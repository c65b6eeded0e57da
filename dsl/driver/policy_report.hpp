// The stack's policy as a report (`stack --policy`): the checks it selects, and every
// waiver with its reason: the stack's, then each object's, kind by kind.
#pragma once

#include <kubestack/stack_view.hpp>
#include <string>

namespace kubestack::driver {

std::string policy_report(const StackView& stack);

// One line for --help: how many checks the stack selects, and how many waivers it has.
std::string policy_summary(const StackView& stack);

} // namespace kubestack::driver
