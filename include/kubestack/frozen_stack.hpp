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
#include <utility>

namespace kubestack::detail {

struct ObjectCounts {
    std::size_t namespaces, serviceAccounts, clusterRoles, clusterRoleBindings, configMaps, secrets,
        persistentVolumes, persistentVolumeClaims, deployments, daemonSets, services, ingresses;
};

constexpr ObjectCounts count_objects(const Stack& s) {
    return {s.namespaces.size(),        s.serviceAccounts.size(),
            s.clusterRoles.size(),      s.clusterRoleBindings.size(),
            s.configMaps.size(),        s.secrets.size(),
            s.persistentVolumes.size(), s.persistentVolumeClaims.size(),
            s.deployments.size(),       s.daemonSets.size(),
            s.services.size(),          s.ingresses.size()};
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

    KubernetesVersion target;
    std::array<Namespace, counts.namespaces> namespaces;
    std::array<ServiceAccount, counts.serviceAccounts> serviceAccounts;
    std::array<ClusterRole, counts.clusterRoles> clusterRoles;
    std::array<ClusterRoleBinding, counts.clusterRoleBindings> clusterRoleBindings;
    std::array<ConfigMap, counts.configMaps> configMaps;
    std::array<Secret, counts.secrets> secrets;
    std::array<PersistentVolume, counts.persistentVolumes> persistentVolumes;
    std::array<PersistentVolumeClaim, counts.persistentVolumeClaims> persistentVolumeClaims;
    std::array<Deployment, counts.deployments> deployments;
    std::array<DaemonSet, counts.daemonSets> daemonSets;
    std::array<Service, counts.services> services;
    std::array<Ingress, counts.ingresses> ingresses;

    constexpr StackView view() const {
        return {
            target,     namespaces, serviceAccounts,   clusterRoles,           clusterRoleBindings,
            configMaps, secrets,    persistentVolumes, persistentVolumeClaims, deployments,
            daemonSets, services,   ingresses};
    }
};

template <auto make_stack>
constexpr FrozenStack<make_stack> freeze() {
    const Stack s = make_stack();
    constexpr ObjectCounts n = FrozenStack<make_stack>::counts;
    return {s.target(),
            to_array<n.namespaces>(s.namespaces),
            to_array<n.serviceAccounts>(s.serviceAccounts),
            to_array<n.clusterRoles>(s.clusterRoles),
            to_array<n.clusterRoleBindings>(s.clusterRoleBindings),
            to_array<n.configMaps>(s.configMaps),
            to_array<n.secrets>(s.secrets),
            to_array<n.persistentVolumes>(s.persistentVolumes),
            to_array<n.persistentVolumeClaims>(s.persistentVolumeClaims),
            to_array<n.deployments>(s.deployments),
            to_array<n.daemonSets>(s.daemonSets),
            to_array<n.services>(s.services),
            to_array<n.ingresses>(s.ingresses)};
}

// Constant-initialized: it lives in the binary's read-only data.
template <auto make_stack>
inline constexpr FrozenStack<make_stack> frozen = freeze<make_stack>();

} // namespace kubestack::detail
