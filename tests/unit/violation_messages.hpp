// The messages of the whole-stack rules a stack breaks, one a line, for tests that check
// their wording.
#pragma once

#include <kubestack/stack_rules.hpp>
#include <string>

inline std::string violation_messages(const kubestack::Stack& stack) {
    std::string all;
    for (const kubestack::Violation& v : kubestack::check_stack(stack))
        all.append(v.message.view()).append("\n");
    return all;
}
