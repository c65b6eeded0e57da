// The entry point of a stack's binary:
//
//     constexpr kubestack::Stack my_stack() { ... }
//     int main(int argc, char** argv) { return kubestack::run<my_stack>(argc, argv); }
//
// run<> makes the compiler build the stack and check every whole-stack rule in a
// constant expression, then hands the stack to the command-line driver. The driver and
// the YAML emitter are compiled once, in the kubestack::driver library, so this header
// stays light and a stack's translation unit rebuilds fast.
#pragma once

#include <concepts>
#include <cstddef>
#include <kubestack/detail/text_builder.hpp>
#include <kubestack/frozen_stack.hpp>
#include <kubestack/message_text.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_rules.hpp>
#include <kubestack/stack_view.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace kubestack {

// A build of a stack for one cluster, such as "dev" or "prod".
struct NamedStack {
    std::string_view name;
    StackView stack;
};

// Implemented in the kubestack::driver library (dsl/driver/command_line.cpp).
int run_command_line(std::span<const NamedStack> clusters, int argc, const char* const* argv);
int run_command_line(const StackView& stack, int argc, const char* const* argv);
inline int run_command_line(const Stack& stack, int argc, const char* const* argv) {
    return run_command_line(view_of(stack), argc, argv);
}

namespace detail {

// How a message computed at compile time reaches the user.
//
// GCC 12 has no computed static_assert messages: the text must be a literal. But when
// a template is instantiated with a class-type argument holding a char array, GCC
// prints that array as a string literal in the first line of the error:
//
//   In instantiation of 'struct kubestack::stack_rule_broken<kubestack::detail::Message<82>{
//       "Service \"poll\" selects app=pol, which no workload in namespace \"default\" carries"}>'
//
// So run<> computes the report of the broken rules in a constant expression, copies it
// into a Message<N>, and instantiates stack_rule_broken<message>, whose static_assert
// fails. The report is computed twice only when a rule is broken: once for its length
// (the N of the type), once for its text.
template <std::size_t N>
struct Message {
    char text[N];
    // For a computed static_assert message (P2741R3).
    constexpr const char* data() const { return text; }
    constexpr std::size_t size() const { return N - 1; }
};

inline constexpr std::size_t reported_violations = 5;

// The rules checked: check_stack for a whole stack, check_objects for a part of one.
using StackCheck = std::vector<Violation> (*)(const StackView&);

constexpr MessageText stack_report(const StackView& stack, StackCheck check = check_stack) {
    const std::vector<Violation> violations = check(stack);
    TextBuilder text;
    for (std::size_t i = 0; i < violations.size() && i < reported_violations; ++i)
        text << (i == 0 ? "" : " | ") << violations[i].message;
    if (violations.size() > reported_violations)
        text << " | and " << static_cast<int>(violations.size() - reported_violations) << " more";
    return text.take();
}

template <std::size_t N>
constexpr Message<N> to_message(std::string_view text) {
    Message<N> message{};
    for (std::size_t i = 0; i + 1 < N && i < text.size(); ++i)
        message.text[i] = text[i];
    return message;
}

} // namespace detail

// Instantiated only for a stack that breaks a rule; the rule is in the template argument.
template <detail::Message message>
struct stack_rule_broken {
    static_assert(
        message.text[0] == '\0',
        "the stack breaks a whole-stack rule: read the message in 'stack_rule_broken<...>' above");
};

namespace detail {

// The compiler evaluates a stack three times: to count its objects, to freeze them, and
// to check every whole-stack rule on the frozen stack (which is what the binary writes).
// Each is a plain function of its own, not constexpr: GCC compiles such a function after
// the code that calls it, on its own, and frees what its constant evaluation allocated
// before the next begins. Evaluated in one function, the three would hold their garbage
// together (a stack of 1000 apps: 712 MiB of compiler memory instead of 510).
// A stack that is no constant expression. Most often a value broke its rule where it was
// written, and the compiler said so there: that is the one error it prints, as the call
// below reaches no code. Otherwise (a list past its capacity in kubestack/limits.hpp, a
// call that is not constexpr, a compiler limit), the call remains in the code, and the
// compiler stops at it with the message; -DKUBESTACK_EXPLAIN_STACK evaluates the stack
// once more, so that the compiler says where the evaluation stops.
[[gnu::error("kubestack: the stack is no constant expression, and no rule said why: compile "
             "with -DKUBESTACK_EXPLAIN_STACK to see where its evaluation stops")]] void
stack_is_no_constant_expression();

template <auto make_stack>
int explain_broken_stack() {
#ifdef KUBESTACK_EXPLAIN_STACK
    constexpr std::size_t objects = make_stack().size();
    return static_cast<int>(objects);
#else
    stack_is_no_constant_expression();
    return 1;
#endif
}

template <auto make_stack>
int explain_if_broken() {
    if constexpr (builds_at_compile_time<make_stack>)
        return 0;
    else
        return explain_broken_stack<make_stack>();
}

template <auto make_stack>
std::size_t counted_stack() {
    return object_counts<make_stack>.size();
}
template <auto make_stack>
StackView frozen_stack() {
    return frozen<make_stack>.view();
}
template <auto make_stack, StackCheck check = check_stack>
StackView checked_stack() {
    constexpr std::size_t report_length = stack_report(frozen<make_stack>.view(), check).size();
    if constexpr (report_length > 0) {
        constexpr auto message =
            to_message<report_length + 1>(stack_report(frozen<make_stack>.view(), check));
#if __cpp_static_assert >= 202306L
        // Clang prints a computed message whole, where it cuts a template argument at about
        // 32 characters. It is standard in C++26, and clang offers it in C++20 too.
        constexpr bool stack_follows_every_rule = false;
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++26-extensions"
        static_assert(stack_follows_every_rule, message);
#pragma clang diagnostic pop
#else
        static_assert(sizeof(stack_rule_broken<message>) > 0);
#endif
    }
    return frozen<make_stack>.view();
}

} // namespace detail

// Called in this order, which is the order GCC compiles them in.
template <auto make_stack>
requires std::same_as<decltype(make_stack()), Stack>
int run(int argc, char** argv) {
    if constexpr (!detail::builds_at_compile_time<make_stack>) {
        return detail::explain_broken_stack<make_stack>();
    } else {
        detail::counted_stack<make_stack>();
        detail::frozen_stack<make_stack>();
        return run_command_line(detail::checked_stack<make_stack>(), argc, argv);
    }
}

namespace detail {
template <std::size_t N>
struct ClusterName {
    char text[N];
    consteval ClusterName(const char (&name)[N]) {
        for (std::size_t i = 0; i < N; ++i)
            text[i] = name[i];
        if (!is_dns_label(std::string_view(text, N - 1)))
            broken_rule::name_must_be_a_dns_label_of_at_most_63_lowercase_alphanumerics_or_dashes();
    }
};
} // namespace detail

// One cluster a stack source is built for: `cluster<"dev", my_stack, dev_values>` builds
// my_stack(dev_values); `cluster<"dev", my_stack>` builds my_stack(). Passing the values
// as an argument, rather than as a template argument of the stack, lets the compiler read
// the stack's source once for all clusters.
template <detail::ClusterName name, auto make_stack, auto... values>
requires std::same_as<decltype(make_stack(values...)), Stack>
struct cluster {
    static constexpr std::string_view cluster_name{name.text, sizeof(name.text) - 1};
    static constexpr Stack make() { return make_stack(values...); }
};

template <class T>
inline constexpr bool is_cluster = false;
template <detail::ClusterName name, auto make_stack, auto... values>
inline constexpr bool is_cluster<cluster<name, make_stack, values...>> = true;

namespace detail {
template <class... Clusters>
int run_checked(int argc, char** argv) {
    (detail::counted_stack<Clusters::make>(), ...);
    (detail::frozen_stack<Clusters::make>(), ...);
    const NamedStack clusters[] = {
        {Clusters::cluster_name, detail::checked_stack<Clusters::make>()}...};
    return run_command_line(std::span<const NamedStack>(clusters), argc, argv);
}
} // namespace detail

// A binary that writes one of several builds of a stack, chosen with --cluster NAME;
// the first is the default. Every build goes through the whole-stack rules.
template <class... Clusters>
requires(sizeof...(Clusters) > 0 && (is_cluster<Clusters> && ...)) int run(int argc, char** argv) {
    if constexpr (!(detail::builds_at_compile_time<Clusters::make> && ...)) {
        return (detail::explain_if_broken<Clusters::make>() + ...);
    } else {
        return detail::run_checked<Clusters...>(argc, argv);
    }
}

} // namespace kubestack
