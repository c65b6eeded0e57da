// What the emitter, the messages and the references know of each kind of the stack:
// its apiVersion, kind, file name and apply rank.
//
// Kept apart from stack_kinds.hpp, which includes every builder, so that a builder can
// read its own kind's row (an autoscaler's target, a network policy's pods).
#pragma once

#include <kubestack/kubernetes_version.hpp>
#include <string_view>

namespace kubestack {

class Namespace;
class ServiceAccount;
class ClusterRole;
class Role;
class ClusterRoleBinding;
class RoleBinding;
class ConfigMap;
class Secret;
class StorageClass;
class PersistentVolume;
class PersistentVolumeClaim;
class NetworkPolicy;
class Deployment;
class DaemonSet;
class StatefulSet;
class Job;
class CronJob;
class Service;
class HorizontalPodAutoscaler;
class PodDisruptionBudget;
class Ingress;
class ModelObject;

// What the emitter and the messages need to know of a kind.
struct KindInfo {
    std::string_view api_version; // the default; an Ingress may choose another
    std::string_view kind;
    std::string_view file_suffix;         // postgres.<suffix>.yaml
    int apply_rank;                       // lower goes first: namespaces, RBAC, config, storage,
                                          // network policies, workloads, services and
                                          // autoscalers and disruption budgets, ingresses
    KubernetesVersion served_since{1, 0}; // the first version serving api_version
};

template <class Object>
inline constexpr KindInfo kind_info = {};

// clang-format off
template <> inline constexpr KindInfo kind_info<Namespace>             = {"v1", "Namespace", "namespace", 0};
template <> inline constexpr KindInfo kind_info<ServiceAccount>        = {"v1", "ServiceAccount", "rbac", 1};
template <> inline constexpr KindInfo kind_info<ClusterRole>           = {"rbac.authorization.k8s.io/v1", "ClusterRole", "rbac", 2, {1, 8}};
template <> inline constexpr KindInfo kind_info<Role>                  = {"rbac.authorization.k8s.io/v1", "Role", "rbac", 2, {1, 8}};
template <> inline constexpr KindInfo kind_info<ClusterRoleBinding>    = {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "rbac", 3, {1, 8}};
template <> inline constexpr KindInfo kind_info<RoleBinding>           = {"rbac.authorization.k8s.io/v1", "RoleBinding", "rbac", 3, {1, 8}};
template <> inline constexpr KindInfo kind_info<ConfigMap>             = {"v1", "ConfigMap", "configmap", 4};
template <> inline constexpr KindInfo kind_info<Secret>                = {"v1", "Secret", "secret", 4};
template <> inline constexpr KindInfo kind_info<StorageClass>          = {"storage.k8s.io/v1", "StorageClass", "storageclass", 5, {1, 6}};
template <> inline constexpr KindInfo kind_info<PersistentVolume>      = {"v1", "PersistentVolume", "volume", 5};
template <> inline constexpr KindInfo kind_info<PersistentVolumeClaim> = {"v1", "PersistentVolumeClaim", "volume", 6};
// Before the pods it guards start.
template <> inline constexpr KindInfo kind_info<NetworkPolicy>         = {"networking.k8s.io/v1", "NetworkPolicy", "networkpolicy", 6, {1, 7}};
template <> inline constexpr KindInfo kind_info<Deployment>            = {"apps/v1", "Deployment", "deployment", 7, {1, 9}};
template <> inline constexpr KindInfo kind_info<DaemonSet>             = {"apps/v1", "DaemonSet", "daemonset", 7, {1, 9}};
template <> inline constexpr KindInfo kind_info<StatefulSet>           = {"apps/v1", "StatefulSet", "statefulset", 7, {1, 9}};
template <> inline constexpr KindInfo kind_info<Job>                   = {"batch/v1", "Job", "job", 7, {1, 2}};
template <> inline constexpr KindInfo kind_info<CronJob>               = {"batch/v1", "CronJob", "cronjob", 7, {1, 21}};
template <> inline constexpr KindInfo kind_info<Service>               = {"v1", "Service", "service", 8};
template <> inline constexpr KindInfo kind_info<HorizontalPodAutoscaler> = {"autoscaling/v2", "HorizontalPodAutoscaler", "autoscaler", 8, {1, 23}};
template <> inline constexpr KindInfo kind_info<PodDisruptionBudget>   = {"policy/v1", "PodDisruptionBudget", "disruptionbudget", 8, {1, 21}};
template <> inline constexpr KindInfo kind_info<Ingress>               = {"networking.k8s.io/v1", "Ingress", "ingress", 9, {1, 19}};
// Objects of the model and custom resources: each says its own apiVersion and kind.
template <> inline constexpr KindInfo kind_info<ModelObject>           = {"", "object", "", 10};
// clang-format on

// The apply rank of kinds that no builder has but that other objects need first, as Helm
// orders them: a CustomResourceDefinition before its custom resources, a quota or a
// LimitRange before the pods it limits, an IngressClass before the Ingresses of its
// class. Other kinds of the model, and custom resources, go last (kind_info<ModelObject>),
// admission webhooks among them, which would otherwise refuse objects whose backend is
// not up yet. kubestack-import reads this table too (tools/import_kind_info.py).
struct ModelKindRank {
    std::string_view kind;
    int apply_rank;
};
// clang-format off
inline constexpr ModelKindRank model_kind_ranks[] = {
    {"CustomResourceDefinition", 0}, {"PriorityClass", 0}, {"RuntimeClass", 0},
    {"ResourceQuota", 1}, {"LimitRange", 1},
    {"Pod", 7}, {"ReplicaSet", 7}, {"ReplicationController", 7},
    {"IngressClass", 9},
};
// clang-format on

// The builder function of each kind that an object may refer to by name, or be placed in.
// Messages advise with it (refersTo(secret("tls").createdElsewhere())), and
// kubestack-import writes with it the objects it declares and those a builder states
// (tools/import_kind_info.py).
struct BuilderFactory {
    std::string_view kind;
    std::string_view factory;
};
// clang-format off
inline constexpr BuilderFactory builder_factories[] = {
    {"Namespace", "namespace_"},
    {"ServiceAccount", "serviceAccount"}, {"ClusterRole", "clusterRole"}, {"Role", "role"},
    {"ClusterRoleBinding", "clusterRoleBinding"}, {"RoleBinding", "roleBinding"},
    {"ConfigMap", "configMap"}, {"Secret", "secret"},
    {"PersistentVolume", "persistentVolume"}, {"PersistentVolumeClaim", "persistentVolumeClaim"},
    {"Deployment", "deployment"}, {"StatefulSet", "statefulSet"}, {"DaemonSet", "daemonSet"},
    {"Job", "job"}, {"CronJob", "cronJob"},
    {"Service", "service"}, {"Ingress", "ingress"},
    {"HorizontalPodAutoscaler", "horizontalPodAutoscaler"},
    {"PodDisruptionBudget", "podDisruptionBudget"}, {"StorageClass", "storageClass"},
    {"NetworkPolicy", "networkPolicy"},
};
// clang-format on

constexpr std::string_view builder_factory(std::string_view kind) {
    for (const BuilderFactory& known : builder_factories)
        if (known.kind == kind) return known.factory;
    return {};
}

} // namespace kubestack
