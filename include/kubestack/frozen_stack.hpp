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
#include <tuple>
#include <utility>

namespace kubestack::detail {

// How many objects of each kind, in StackKinds order.
using ObjectCounts = std::array<std::size_t, StackKinds::size>;

constexpr ObjectCounts count_objects(const Stack& s) {
    ObjectCounts counts{};
    for_each_kind([&]<class Object>() { counts[kind_of<Object>.index] = s.all<Object>().size(); });
    return counts;
}

// Copies a list into an array without default-constructing its elements.
template <std::size_t N, class T>
constexpr std::array<T, N> to_array(const List<T>& list) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<T, N>{list[I]...};
    }
    (std::make_index_sequence<N>{});
}

template <auto make_stack>
struct FrozenStack {
    static constexpr ObjectCounts counts = count_objects(make_stack());

    template <class Object>
    using Array = std::array<Object, counts[kind_of<Object>.index]>;
    template <class... Kinds>
    static auto arrays_of(KindList<Kinds...>) -> std::tuple<Array<Kinds>...>;

    KubernetesVersion target;
    decltype(arrays_of(StackKinds{})) arrays;

    constexpr StackView view() const {
        return {target, [&]<class... Kinds>(KindList<Kinds...>) {
                    return StackView::Spans{
                        std::span<const Kinds>(std::get<Array<Kinds>>(arrays))...};
                }(StackKinds{})};
    }
};

template <auto make_stack>
constexpr FrozenStack<make_stack> freeze() {
    const Stack s = make_stack();
    using Frozen = FrozenStack<make_stack>;
    return {s.target(), [&]<class... Kinds>(KindList<Kinds...>) {
                return decltype(Frozen::arrays){
                    to_array<Frozen::counts[kind_of<Kinds>.index]>(s.template all<Kinds>())...};
            }(StackKinds{})};
}

// Constant-initialized: it lives in the binary's read-only data.
template <auto make_stack>
inline constexpr FrozenStack<make_stack> frozen = freeze<make_stack>();

} // namespace kubestack::detail
