// A read-only view of a stack's objects, by kind: what the emitter and the driver read.
//
// It views either a Stack being built, or the arrays that run<> freezes at compile time
// (frozen_stack.hpp), so a stack's binary writes its manifests without running the
// builders again.
#pragma once

#include <kubestack/stack.hpp>
#include <span>

namespace kubestack {

struct StackView {
    KubernetesVersion target_version = newest_known_kubernetes;
    std::span<const Namespace> namespaces;
    std::span<const ServiceAccount> serviceAccounts;
    std::span<const ClusterRole> clusterRoles;
    std::span<const ClusterRoleBinding> clusterRoleBindings;
    std::span<const ConfigMap> configMaps;
    std::span<const Secret> secrets;
    std::span<const PersistentVolume> persistentVolumes;
    std::span<const PersistentVolumeClaim> persistentVolumeClaims;
    std::span<const Deployment> deployments;
    std::span<const DaemonSet> daemonSets;
    std::span<const Service> services;
    std::span<const Ingress> ingresses;

    constexpr KubernetesVersion target() const { return target_version; }
};

constexpr StackView view_of(const Stack& stack) {
    const auto all = [](const auto& list) { return std::span(list.begin(), list.size()); };
    return {
        stack.target(),          all(stack.namespaces),          all(stack.serviceAccounts),
        all(stack.clusterRoles), all(stack.clusterRoleBindings), all(stack.configMaps),
        all(stack.secrets),      all(stack.persistentVolumes),   all(stack.persistentVolumeClaims),
        all(stack.deployments),  all(stack.daemonSets),          all(stack.services),
        all(stack.ingresses)};
}

} // namespace kubestack
