// The kinds a stack holds: the one list.
//
// Stack, StackView, the frozen stack, the whole-stack rules, the references and the
// emitter all walk this list, so adding a kind means: its builder, one line in
// StackKinds, one in kind_info (kubestack/kind_info.hpp) and one in ModelOf below, and its
// conversion to the model (to_model) in the driver. ModelObject holds any object of the model or of
// an imported CRD, so those need no line here.
#pragma once

#include <cstddef>
#include <kubestack/autoscaling.hpp>
#include <kubestack/config.hpp>
#include <kubestack/cron_job.hpp>
#include <kubestack/disruption_budget.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/job.hpp>
#include <kubestack/kind_info.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/model_object.hpp>
#include <kubestack/namespace.hpp>
#include <kubestack/network_policy.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/service.hpp>
#include <kubestack/stateful_set.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/storage_class.hpp>
#include <kubestack/workload.hpp>
#include <string_view>
#include <type_traits>

namespace kubestack {

template <class... Kinds>
struct KindList {
    static constexpr std::size_t size = sizeof...(Kinds);
};

// One value per kind, Slot<Kind>::value each, reached by kind. An aggregate with one base
// per kind: the compiler resolves no constructor overloads for it, as it does for each
// level of a std::tuple, which made a std::tuple of the kinds a sizeable part of every
// stack's compile.
template <template <class> class Slot, class Kinds>
struct PerKind;
template <template <class> class Slot, class... Kinds>
struct PerKind<Slot, KindList<Kinds...>> : Slot<Kinds>... {
    template <class Kind>
    constexpr auto& get() {
        return static_cast<Slot<Kind>&>(*this).value;
    }
    template <class Kind>
    constexpr const auto& get() const {
        return static_cast<const Slot<Kind>&>(*this).value;
    }
};

// In apply order, which is also the order of kind_info's ranks.
using StackKinds =
    KindList<Namespace, ServiceAccount, ClusterRole, Role, ClusterRoleBinding, RoleBinding,
             ConfigMap, Secret, StorageClass, PersistentVolume, PersistentVolumeClaim,
             NetworkPolicy, Deployment, DaemonSet, StatefulSet, Job, CronJob, Service,
             HorizontalPodAutoscaler, PodDisruptionBudget, Ingress, ModelObject>;

} // namespace kubestack

// The model object each builder's object becomes (with<...>() edits one).
namespace kubestack::api {
namespace core::v1 {
struct Namespace;
struct ServiceAccount;
struct ConfigMap;
struct Secret;
struct PersistentVolume;
struct PersistentVolumeClaim;
struct Service;
} // namespace core::v1
namespace rbac::v1 {
struct ClusterRole;
struct ClusterRoleBinding;
struct Role;
struct RoleBinding;
} // namespace rbac::v1
namespace storage::v1 {
struct StorageClass;
}
namespace autoscaling::v2 {
struct HorizontalPodAutoscaler;
}
namespace policy::v1 {
struct PodDisruptionBudget;
}
namespace apps::v1 {
struct Deployment;
struct DaemonSet;
struct StatefulSet;
} // namespace apps::v1
namespace batch::v1 {
struct Job;
struct CronJob;
} // namespace batch::v1
namespace networking::v1 {
struct Ingress;
struct NetworkPolicy;
} // namespace networking::v1
} // namespace kubestack::api

namespace kubestack::detail {
// clang-format off
template <> struct ModelOf<Namespace>             { using type = api::core::v1::Namespace; };
template <> struct ModelOf<ServiceAccount>        { using type = api::core::v1::ServiceAccount; };
template <> struct ModelOf<ClusterRole>           { using type = api::rbac::v1::ClusterRole; };
template <> struct ModelOf<ClusterRoleBinding>    { using type = api::rbac::v1::ClusterRoleBinding; };
template <> struct ModelOf<ConfigMap>             { using type = api::core::v1::ConfigMap; };
template <> struct ModelOf<Secret>                { using type = api::core::v1::Secret; };
template <> struct ModelOf<PersistentVolume>      { using type = api::core::v1::PersistentVolume; };
template <> struct ModelOf<PersistentVolumeClaim> { using type = api::core::v1::PersistentVolumeClaim; };
template <> struct ModelOf<Deployment>            { using type = api::apps::v1::Deployment; };
template <> struct ModelOf<DaemonSet>             { using type = api::apps::v1::DaemonSet; };
template <> struct ModelOf<StatefulSet>           { using type = api::apps::v1::StatefulSet; };
template <> struct ModelOf<Job>                   { using type = api::batch::v1::Job; };
template <> struct ModelOf<CronJob>               { using type = api::batch::v1::CronJob; };
template <> struct ModelOf<Service>               { using type = api::core::v1::Service; };
template <> struct ModelOf<Ingress>               { using type = api::networking::v1::Ingress; };
template <> struct ModelOf<Role>                  { using type = api::rbac::v1::Role; };
template <> struct ModelOf<RoleBinding>           { using type = api::rbac::v1::RoleBinding; };
template <> struct ModelOf<StorageClass>          { using type = api::storage::v1::StorageClass; };
template <> struct ModelOf<NetworkPolicy>         { using type = api::networking::v1::NetworkPolicy; };
template <> struct ModelOf<HorizontalPodAutoscaler> { using type = api::autoscaling::v2::HorizontalPodAutoscaler; };
template <> struct ModelOf<PodDisruptionBudget>   { using type = api::policy::v1::PodDisruptionBudget; };
// clang-format on
} // namespace kubestack::detail

namespace kubestack {

namespace detail {

template <class Object, class... Kinds>
consteval std::size_t position_in(KindList<Kinds...>) {
    std::size_t position = 0;
    const bool found = ((std::is_same_v<Object, Kinds> ? true : (++position, false)) || ...);
    return found ? position : sizeof...(Kinds);
}

template <class... Kinds>
consteval auto kind_names(KindList<Kinds...>) {
    struct Names {
        std::string_view names[sizeof...(Kinds)];
    };
    return Names{{kind_info<Kinds>.kind...}};
}

} // namespace detail

template <class Object>
inline constexpr bool is_stack_kind = detail::position_in<Object>(StackKinds{}) < StackKinds::size;

// A kind of the stack, as a value: which list an object is in.
struct Kind {
    std::size_t index;
    constexpr bool operator==(const Kind&) const = default;
};

template <class Object>
requires is_stack_kind<Object>
inline constexpr Kind kind_of = {detail::position_in<Object>(StackKinds{})};

constexpr std::string_view kind_name(Kind kind) {
    constexpr auto table = detail::kind_names(StackKinds{});
    return table.names[kind.index];
}

// Calls visit.template operator()<Kind>() for every kind, in StackKinds order.
template <class Visit>
constexpr void for_each_kind(Visit&& visit) {
    [&]<class... Kinds>(KindList<Kinds...>) {
        (visit.template operator()<Kinds>(), ...);
    }(StackKinds{});
}

// The versions of Kubernetes that serve the apiVersion an object is written in: its kind's,
// or the one it chose (an Ingress as extensions/v1beta1, a CronJob as batch/v1beta1).
// An object of the model is served as the builders' kind of its apiVersion and kind is
// (kind_info); other kinds, and custom resources, are taken as served by every version.
constexpr ServedVersions model_served_versions(std::string_view api_version,
                                               std::string_view kind) {
    ServedVersions served{api_version, {1, 0}};
    for_each_kind([&]<class Object>() {
        if (kind_info<Object>.kind == kind && kind_info<Object>.api_version == api_version)
            served.since = kind_info<Object>.served_since;
    });
    return served;
}

template <class Object>
constexpr ServedVersions served_versions_of(const Object& object) {
    if constexpr (std::is_same_v<Object, ModelObject>)
        return model_served_versions(object.api_version(), object.kind());
    else if constexpr (requires { object.served_versions(); })
        return object.served_versions();
    else
        return {kind_info<Object>.api_version, kind_info<Object>.served_since};
}

// Workloads: the kinds with a pod template.
template <class Object>
concept WorkloadKind = requires(const Object& object) {
    object.pod();
    object.selector();
};

// Whether objects of the kind run pods.
constexpr bool is_workload(Kind kind) {
    bool workload = false;
    for_each_kind([&]<class Object>() {
        if (kind == kind_of<Object>) workload = WorkloadKind<Object>;
    });
    return workload;
}

} // namespace kubestack
