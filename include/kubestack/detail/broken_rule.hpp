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
// That is for values checked where they are written (consteval constructors). A builder
// that finds a rule broken while the stack is evaluated calls the overload that takes a
// RuleRecord instead: it notes the rule on the object, and the whole-stack checker reports
// it with the object's kind and name, as it reports every other rule.
//
// At run time they are unreachable: a stack is checked at compile time before its binary
// can run. Should one be reached anyway, it stops the program rather than emit a broken
// manifest.
#pragma once

#include <exception>
#include <string_view>
#include <type_traits>

namespace kubestack::detail {

// The first rule that a builder found broken on its object, by name.
struct RuleRecord {
    std::string_view first;

    constexpr void note(std::string_view rule) {
        if (first.empty()) first = rule;
    }
    constexpr void note(const RuleRecord& other) {
        if (!other.first.empty()) note(other.first);
    }
    constexpr bool empty() const { return first.empty(); }
};

} // namespace kubestack::detail

#define KUBESTACK_BROKEN_RULE(sentence)                                                            \
    union sentence##_verdict {                                                                     \
        bool kept = true;                                                                          \
        bool sentence;                                                                             \
    };                                                                                             \
    constexpr void sentence() {                                                                    \
        if (!std::is_constant_evaluated()) std::terminate();                                       \
        constexpr sentence##_verdict verdict{};                                                    \
        if (verdict.sentence) return;                                                              \
    }                                                                                              \
    constexpr void sentence(::kubestack::detail::RuleRecord& record) {                             \
        record.note(#sentence);                                                                    \
    }

// In a rule type of a checked value (detail/checked_text.hpp): the rule that a value it does
// not accept breaks, as a function and as the union member that names it.
#define KUBESTACK_REJECTED_BY(sentence)                                                            \
    static constexpr void (*reject)() = broken_rule::sentence;                                     \
    using verdict = broken_rule::sentence##_verdict;                                               \
    static constexpr bool verdict::*broken = &verdict::sentence;
