// A stack frozen at compile time into static arrays, one per kind.
//
// run<> builds the stack in a constant expression (to check its rules) and copies its
// objects into a constexpr variable. The binary then views those arrays instead of
// calling the builders again: no code is generated for the builders, which is most of
// what compiling a stack would otherwise cost.
#pragma once

#include <array>
#include <cstddef>
#include <kubestack/stack.hpp>
#include <kubestack/stack_view.hpp>
#include <span>
#include <type_traits>
#include <utility>

namespace kubestack::detail {

// How many objects of each kind, in StackKinds order.
using ObjectCounts = std::array<std::size_t, StackKinds::size>;

constexpr ObjectCounts count_objects(const Stack& s) {
    ObjectCounts counts{};
    for_each_kind([&]<class Object>() { counts[kind_of<Object>.index] = s.all<Object>().size(); });
    return counts;
}

// The counts as a type: naming it is a substitution failure, not an error, when the stack
// is no constant expression because a value broke its rule where it was written. run<>
// asks that first, so the one error the compiler printed there stays the only one.
template <auto make_stack>
using CountsOf = std::integral_constant<ObjectCounts, count_objects(make_stack())>;

template <auto make_stack>
concept builds_at_compile_time = requires {
    typename CountsOf<make_stack>;
};

template <auto make_stack>
inline constexpr ObjectCounts object_counts = CountsOf<make_stack>::value;

// The objects of one kind, copied out of the stack: an array sized by the count.
template <class Object, std::size_t N>
struct FrozenKind {
    Object items[N];
    constexpr std::span<const Object> span() const { return {items, N}; }
};
template <class Object>
struct FrozenKind<Object, 0> {
    constexpr std::span<const Object> span() const { return {}; }
};

template <std::size_t N, class Object>
constexpr FrozenKind<Object, N> freeze_kind(const List<Object>& list) {
    if constexpr (N == 0) {
        return {};
    } else {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return FrozenKind<Object, N>{{list[I]...}};
        }
        (std::make_index_sequence<N>{});
    }
}

template <auto make_stack, class Object>
using FrozenKindOf = FrozenKind<Object, object_counts<make_stack>[kind_of<Object>.index]>;

template <auto make_stack, class Kinds = StackKinds>
struct FrozenStack;

// An aggregate with one base per kind: aggregate initialization instantiates far less
// than a std::tuple of arrays, whose constructors are overload sets over every element.
template <auto make_stack, class... Kinds>
struct FrozenStack<make_stack, KindList<Kinds...>> : FrozenKindOf<make_stack, Kinds>... {
    KubernetesVersion target;
    bool target_chosen;
    PolicySet policy;

    constexpr StackView view() const {
        return {target,
                StackView::Spans{
                    {static_cast<const FrozenKindOf<make_stack, Kinds>&>(*this).span()}...},
                policy, target_chosen};
    }
};

template <auto make_stack, class... Kinds>
constexpr FrozenStack<make_stack> freeze(KindList<Kinds...>) {
    const Stack s = make_stack();
    return {freeze_kind<object_counts<make_stack>[kind_of<Kinds>.index]>(s.all<Kinds>())...,
            s.target(), s.target_chosen(), s.policy()};
}

// Constant-initialized: it lives in the binary's read-only data.
template <auto make_stack>
inline constexpr FrozenStack<make_stack> frozen = freeze<make_stack>(StackKinds{});

} // namespace kubestack::detail
