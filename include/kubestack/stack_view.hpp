// A read-only view of a stack's objects, by kind: what the emitter and the driver read.
//
// It views either a Stack being built, or the arrays that run<> freezes at compile time
// (frozen_stack.hpp), so a stack's binary writes its manifests without running the
// builders again.
#pragma once

#include <kubestack/stack.hpp>
#include <span>

namespace kubestack {

class StackView {
public:
    template <class Object>
    struct SpanOf {
        std::span<const Object> value;
    };
    using Spans = PerKind<SpanOf, StackKinds>;

    constexpr StackView() = default;
    constexpr StackView(KubernetesVersion target, Spans spans, PolicySet policy = {},
                        bool target_chosen = false)
        : target_(target)
        , target_chosen_(target_chosen)
        , policy_(policy)
        , spans_(spans) {}

    constexpr KubernetesVersion target() const { return target_; }
    // Whether the stack said its target (Stack::targets), rather than taking the newest.
    constexpr bool target_chosen() const { return target_chosen_; }
    constexpr const PolicySet& policy() const { return policy_; }

    // The objects of one kind.
    template <class Object>
    constexpr std::span<const Object> all() const {
        return spans_.template get<Object>();
    }

    // How many objects, of every kind.
    constexpr std::size_t size() const {
        std::size_t total = 0;
        for_each_kind([&]<class Object>() { total += all<Object>().size(); });
        return total;
    }

private:
    KubernetesVersion target_ = newest_known_kubernetes;
    bool target_chosen_ = false;
    PolicySet policy_;
    Spans spans_;
};

constexpr StackView view_of(const Stack& stack) {
    return {stack.target(),
            [&]<class... Kinds>(KindList<Kinds...>) {
                return StackView::Spans{{std::span<const Kinds>(stack.all<Kinds>().begin(),
                                                                stack.all<Kinds>().size())}...};
            }(StackKinds{}),
            stack.policy(), stack.target_chosen()};
}

} // namespace kubestack
