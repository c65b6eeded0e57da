// Support for the functions in namespace kubestack::broken_rule.
//
// Each rule of the DSL has a function there whose name states the rule in words.
// None of them is constexpr, so reaching one while the compiler evaluates a stack is a
// compile error that quotes the name. At run time they are unreachable: a stack is
// checked at compile time before its binary can run. Should one be reached anyway,
// it stops the program rather than emit a broken manifest.
#pragma once

#include <exception>

#define KUBESTACK_BROKEN_RULE(sentence)                                                            \
    [[noreturn]] inline void sentence() {                                                          \
        std::terminate();                                                                          \
    }
