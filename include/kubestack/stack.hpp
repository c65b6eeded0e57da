// A stack: every object to deploy, grouped in the steps a person would apply them in.
//
// A stack is written as a constexpr function returning a Stack, so the compiler can
// build it (and check it) inside a constant expression, and the binary can build it
// again at run time to write the manifests.
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <kubestack/detail/list.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/policy.hpp>
#include <kubestack/stack_kinds.hpp>

namespace kubestack {

class Stack {
public:
    // One step of the deployment: the objects one `kubectl apply` would take together.
    // Files are listed step by step; within a step, by kind, then in source order.
    template <class... Objects>
    constexpr Stack& apply(const Objects&... objects) {
        ++step_;
        (add(objects), ...);
        return *this;
    }

    // The Kubernetes version the stack is written for: "1.21". Objects whose apiVersion
    // it does not serve break a whole-stack rule. Without it, the newest known version.
    constexpr Stack& targets(KubernetesVersion version) {
        target_ = version;
        target_chosen_ = true;
        return *this;
    }
    constexpr KubernetesVersion target() const { return target_; }
    constexpr bool target_chosen() const { return target_chosen_; }

    // The policy checks the stack must pass (policy.hpp): policy(policies::recommended).
    constexpr Stack& policy(PolicySet checks) {
        for (const Waiver& waiver : policy_.waivers())
            checks.add_waiver(waiver);
        policy_ = checks;
        policy_.mark_chosen();
        return *this;
    }
    // Checks that every object of the stack may break, for the reason given: what no one
    // object chooses, such as a NetworkPolicy that the stack does not write. A waiver that
    // waives nothing is an error, as an object's is.
    constexpr Stack& waive(PolicyCheckName check, WaiverReason reason) {
        return waive(waiver({check}, reason));
    }
    constexpr Stack& waive(std::initializer_list<PolicyCheckName> checks, WaiverReason reason) {
        return waive(waiver(checks, reason));
    }
    constexpr Stack& waive(const Waiver& waiver) {
        policy_.add_waiver(waiver);
        return *this;
    }
    constexpr const PolicySet& policy() const { return policy_; }

    // The hardened profile (Workload::hardened(), security.hpp) for every workload of the
    // stack, applied before or after. What a workload sets explicitly still wins.
    constexpr Stack& hardened() {
        harden_workloads_ = true;
        for_each_kind([&]<class Object>() {
            if constexpr (WorkloadKind<Object>)
                for (Object& workload : lists_.template get<Object>())
                    workload.hardened();
        });
        return *this;
    }

    // Writes no metadata.namespace on the objects not placed with inNamespace(), so that
    // `kubectl apply -n NAMESPACE` chooses it, as most published manifests expect. The
    // whole-stack rules see those objects in one namespace, "default".
    constexpr Stack& withoutNamespaces() {
        without_namespaces_ = true;
        // lists_ rather than all<>(), which is defined further down: clang cannot evaluate
        // a member template whose body it has not parsed yet.
        for_each_kind([&]<class Object>() {
            for (Object& object : lists_.template get<Object>())
                leave_namespace_to_kubectl(object.metadata());
        });
        return *this;
    }

    // The objects of one kind, in the order they were applied.
    template <class Object>
    constexpr const detail::List<Object>& all() const {
        return lists_.template get<Object>();
    }
    template <class Object>
    constexpr detail::List<Object>& all() {
        return lists_.template get<Object>();
    }

    constexpr std::size_t size() const {
        std::size_t total = 0;
        for_each_kind([&]<class Object>() { total += all<Object>().size(); });
        return total;
    }

private:
    template <class Object>
    constexpr void add(const Object& object) {
        static_assert(is_stack_kind<Object>,
                      "a stack holds the kinds listed in StackKinds (kubestack/stack_kinds.hpp)");
        detail::List<Object>& into = all<Object>();
        into.push_back(object);
        into.back().metadata().apply_step = step_;
        into.back().metadata().sequence = sequence_++;
        if (without_namespaces_) leave_namespace_to_kubectl(into.back().metadata());
        if constexpr (WorkloadKind<Object>)
            if (harden_workloads_) into.back().hardened();
    }
    static constexpr void leave_namespace_to_kubectl(ObjectMeta& meta) {
        meta.namespace_left_to_kubectl = !meta.ns.empty() && !meta.namespace_chosen;
    }

    template <class Object>
    struct ListOf {
        detail::List<Object> value;
    };
    PerKind<ListOf, StackKinds> lists_;
    KubernetesVersion target_ = newest_known_kubernetes;
    bool target_chosen_ = false;
    PolicySet policy_;
    bool without_namespaces_ = false;
    bool harden_workloads_ = false;
    int step_ = 0;
    int sequence_ = 0;
};

constexpr Stack stack() {
    return {};
}

} // namespace kubestack
