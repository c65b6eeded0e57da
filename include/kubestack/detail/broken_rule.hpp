// Support for the functions in namespace kubestack::broken_rule.
//
// Each rule of the DSL has a function there whose name states the rule in words. Reached
// while the compiler evaluates a stack, it reads the member of a union that is not the
// active one, named after the rule too. That is not a constant expression, so the build
// stops with one error that quotes the rule: "accessing '..._verdict::<the rule in words>'
// member instead of initialized '..._verdict::kept' member". GCC places that error at the
// user's line and prints it, as clang does. A call to a non-constexpr function, the usual
// technique, would add a "declared here" note and its include trace: eight more lines.
//
// At run time they are unreachable: a stack is checked at compile time before its binary
// can run. Should one be reached anyway, it stops the program rather than emit a broken
// manifest.
#pragma once

#include <exception>
#include <type_traits>

#define KUBESTACK_BROKEN_RULE(sentence)                                                            \
    union sentence##_verdict {                                                                     \
        bool kept = true;                                                                          \
        bool sentence;                                                                             \
    };                                                                                             \
    constexpr void sentence() {                                                                    \
        if (!std::is_constant_evaluated()) std::terminate();                                       \
        constexpr sentence##_verdict verdict{};                                                    \
        if (verdict.sentence) return;                                                              \
    }
