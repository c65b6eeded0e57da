// Pods that the stack selects but does not make: those of a Helm chart, an operator, or
// another stack. A Service, a PodDisruptionBudget or a NetworkPolicy that selects them
// passes the rule that its selector match a workload of the stack:
//
//     const auto web = podsCreatedElsewhere("app", "web").inNamespace("shop");
//     service("web").selects(web).port("http", 80, "http")
//
// A workload marked createdElsewhere() is selected the same way, through its selector.
// Either way, a workload that the stack applies and that carries those labels breaks a
// rule: the stack makes those pods, so the object should select that workload.
#pragma once

#include <concepts>
#include <kubestack/labels.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/workload_ref.hpp>
#include <string_view>

namespace kubestack {

class Namespace;

class PodsCreatedElsewhere {
public:
    constexpr PodsCreatedElsewhere(LabelKey key, LabelValue value) {
        meta_.ns = default_namespace;
        meta_.created_elsewhere = true;
        selector_.set(key, value);
    }

    // One more label the pods carry, which the selector requires.
    constexpr PodsCreatedElsewhere& label(LabelKey key, LabelValue value) {
        selector_.set(key, value);
        return *this;
    }
    constexpr PodsCreatedElsewhere& inNamespace(DnsLabel ns) {
        meta_.ns = ns;
        meta_.namespace_chosen = true;
        return *this;
    }
    template <std::same_as<Namespace> N>
    constexpr PodsCreatedElsewhere& inNamespace(const N& ns) {
        meta_.place_in(ns.name(), ns.metadata().created_elsewhere);
        return *this;
    }

    constexpr const Labels& selector() const { return selector_; }
    constexpr const ObjectMeta& metadata() const { return meta_; }
    constexpr std::string_view ns() const { return meta_.ns; }

private:
    ObjectMeta meta_; // where the pods are; they have no name of their own
    Labels selector_;
};

constexpr PodsCreatedElsewhere podsCreatedElsewhere(LabelKey key, LabelValue value) {
    return {key, value};
}

// What a Service, a budget or a network policy selects: a workload's pods, or pods
// created elsewhere.
template <class Pods>
concept SelectablePods = ReferableWorkload<Pods> || std::same_as<Pods, PodsCreatedElsewhere>;

} // namespace kubestack
