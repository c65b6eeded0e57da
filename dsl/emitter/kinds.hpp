// What the emitter needs to know of each kind: its apiVersion and kind, the suffix of
// the manifest file it goes in, and its rank in the apply order.
#pragma once

#include <kubestack/stack.hpp>
#include <string_view>

namespace kubestack::emitter {

struct KindInfo {
    std::string_view api_version;
    std::string_view kind;
    std::string_view file_suffix;
    int apply_rank; // lower goes first: namespaces, RBAC, config, storage, workloads, services,
                    // ingresses
};

template <class Object>
inline constexpr KindInfo kind_of = {};

// clang-format off
template <> inline constexpr KindInfo kind_of<Namespace>             = {"v1", "Namespace", "namespace", 0};
template <> inline constexpr KindInfo kind_of<ServiceAccount>        = {"v1", "ServiceAccount", "rbac", 1};
template <> inline constexpr KindInfo kind_of<ClusterRole>           = {"rbac.authorization.k8s.io/v1", "ClusterRole", "rbac", 2};
template <> inline constexpr KindInfo kind_of<ClusterRoleBinding>    = {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "rbac", 3};
template <> inline constexpr KindInfo kind_of<ConfigMap>             = {"v1", "ConfigMap", "configmap", 4};
template <> inline constexpr KindInfo kind_of<Secret>                = {"v1", "Secret", "secret", 4};
template <> inline constexpr KindInfo kind_of<PersistentVolume>      = {"v1", "PersistentVolume", "volume", 5};
template <> inline constexpr KindInfo kind_of<PersistentVolumeClaim> = {"v1", "PersistentVolumeClaim", "volume", 6};
template <> inline constexpr KindInfo kind_of<Deployment>            = {"apps/v1", "Deployment", "deployment", 7};
template <> inline constexpr KindInfo kind_of<DaemonSet>             = {"apps/v1", "DaemonSet", "daemonset", 7};
template <> inline constexpr KindInfo kind_of<Service>               = {"v1", "Service", "service", 8};
template <> inline constexpr KindInfo kind_of<Ingress>               = {"networking.k8s.io/v1", "Ingress", "ingress", 9};
// clang-format on

// The apiVersion an object is written in: its kind's, or the one an Ingress chose.
template <class Object>
constexpr std::string_view api_version_of(const Object&) {
    return kind_of<Object>.api_version;
}
constexpr std::string_view api_version_of(const Ingress& ingress) {
    return served_versions(ingress.api()).api_version;
}

} // namespace kubestack::emitter
