// A stack split over several source files, the way a team splits any C++ program: one
// part per team or per app, each compiled on its own, so that editing one part rebuilds
// only that part.
//
//     // web.cpp: one part
//     constexpr kubestack::Stack web() { return kubestack::stack().apply(...); }
//     const kubestack::StackPart<web> web_part;
//
//     // main.cpp: the root, which says what holds for the whole stack
//     constexpr kubestack::Stack root() {
//         return kubestack::stack().targets("1.30").policy(kubestack::policies::recommended);
//     }
//     int main(int argc, char** argv) { return kubestack::run_split<root>(argc, argv); }
//
// The compiler checks each part for what one file can show: every value's rule, at the
// user's line, and every rule of a single object (a container port named twice, a
// Service without ports). The rules across objects need every part, so the binary checks
// them when the parts come together: kubestack_add_stack() runs it with --check-rules
// right after the link, and that fails the build with `file:line: error: <rule>` at the
// object the rule names. The binary checks them again before it writes anything, and
// writes nothing if one breaks.
#pragma once

#include <concepts>
#include <kubestack/run.hpp>
#include <kubestack/source_place.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_view.hpp>

namespace kubestack {

namespace detail {

// Implemented in the kubestack::driver library (dsl/driver/split_stack.cpp).
void register_part(const StackView& part, SourcePlace where);
int run_split_stack(const StackView& root, SourcePlace where, int argc, const char* const* argv);

// A part's objects, built, frozen and checked by the compiler as run<> does for a whole
// stack, for the rules of single objects only.
template <auto make_stack>
StackView frozen_part() {
    if constexpr (!builds_at_compile_time<make_stack>) {
        explain_broken_stack<make_stack>();
        return {};
    } else {
        counted_stack<make_stack>();
        frozen_stack<make_stack>();
        return checked_stack<make_stack, check_objects>();
    }
}

} // namespace detail

// Declares a part of the stack: the objects that make_part() applies. One variable per
// part, at namespace scope, in the part's own source file.
template <auto make_part>
requires std::same_as<decltype(make_part()), Stack>
class StackPart {
public:
    explicit StackPart(SourcePlace where = SourcePlace::here()) {
        detail::register_part(detail::frozen_part<make_part>(), where);
    }
};

// The entry point of a split stack's binary. The root stack holds what is the stack's as
// a whole: its target, policy and stack waivers, and any objects of its own. A part that
// sets a target or a policy of its own breaks a rule.
template <auto make_root>
requires std::same_as<decltype(make_root()), Stack>
int run_split(int argc, char** argv, SourcePlace where = SourcePlace::here()) {
    return detail::run_split_stack(detail::frozen_part<make_root>(), where, argc, argv);
}

} // namespace kubestack
