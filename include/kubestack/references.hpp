// The references between a stack's objects, listed in one place: a Service selects
// workloads, an Ingress routes to a Service's port, a workload reads ConfigMaps and Secrets,
// mounts claims and runs as a ServiceAccount, a claim is bound to a volume, a binding grants
// a role to accounts.
//
// `references_of` is constexpr over a StackView, so the graph (`stack --graph`) and any
// rule can share it. Each kind that refers to others has one `add_references` overload: a
// new kind of object (a HorizontalPodAutoscaler, a PodDisruptionBudget) adds its edges by
// adding an overload here; for_each_object walks StackKinds (stack_kinds.hpp).
#pragma once

#include <kubestack/stack_rules.hpp>
#include <kubestack/stack_view.hpp>
#include <string_view>
#include <vector>

namespace kubestack {

using ObjectKind = Kind;

struct ObjectRef {
    ObjectKind kind;
    std::string_view ns; // empty for cluster-scoped kinds
    std::string_view name;

    constexpr bool operator==(const ObjectRef&) const = default;
};

enum class Relation {
    Selects,    // Service, PodDisruptionBudget, NetworkPolicy -> workload whose pods carry its
                // selector
    RoutesTo,   // Ingress -> Service, at a port
    ReadsEnv,   // workload -> ConfigMap or Secret, through env or envFrom
    Mounts,     // workload -> claim, ConfigMap or Secret, as a volume
    RunsAs,     // workload -> ServiceAccount
    BoundTo,    // claim -> PersistentVolume
    GrantsRole, // binding -> role
    GrantsTo,   // binding -> subject
    GovernedBy, // StatefulSet -> its headless Service (serviceName)
    Scales,     // HorizontalPodAutoscaler -> workload
};

constexpr std::string_view to_string(Relation relation) {
    constexpr std::string_view names[] = {"selects",     "routes to", "env",         "mounts",
                                          "runs as",     "bound to",  "grants role", "subject",
                                          "governed by", "scales"};
    return names[static_cast<int>(relation)];
}

struct Reference {
    ObjectRef from;
    ObjectRef to;
    Relation relation;
    std::string_view port_name;     // RoutesTo: the Service port's name, when it has one
    int port_number = 0;            // RoutesTo: the Service port
    bool created_elsewhere = false; // `to` is not applied by this stack
};

namespace detail {

template <class Object>
constexpr ObjectRef ref_of(ObjectKind kind, const Object& object) {
    return {kind, object.metadata().ns, object.metadata().name};
}

constexpr ObjectKind data_kind(DataSource source) {
    return source == DataSource::Secret ? kind_of<Secret> : kind_of<ConfigMap>;
}

// --- one overload per kind that refers to others --------------------------------------

template <class Workload>
constexpr void add_workload_references(const ObjectRef& self, const Workload& workload,
                                       std::vector<Reference>& out) {
    const PodTemplate& pod = workload.pod();
    if (!pod.service_account.empty())
        out.push_back({self,
                       {kind_of<ServiceAccount>, workload.ns(), pod.service_account},
                       Relation::RunsAs,
                       {},
                       0,
                       pod.service_account_created_elsewhere});
    for (const Container& c : pod.containers) {
        for (const EnvVar& var : c.env())
            if (var.from_key)
                out.push_back({self,
                               {data_kind(var.key.source), var.key.ns, var.key.object},
                               Relation::ReadsEnv,
                               {},
                               0,
                               var.key.created_elsewhere});
        for (const DataRef& source : c.env_from())
            out.push_back({self,
                           {data_kind(source.source), source.ns, source.object},
                           Relation::ReadsEnv,
                           {},
                           0,
                           source.created_elsewhere});
    }
    for (const Volume& v : pod.volumes()) {
        if (v.source == VolumeSource::HostPath || v.source == VolumeSource::EmptyDir) continue;
        const ObjectKind kind = v.source == VolumeSource::PersistentVolumeClaim
                                    ? kind_of<PersistentVolumeClaim>
                                : v.source == VolumeSource::Secret ? kind_of<Secret>
                                                                   : kind_of<ConfigMap>;
        out.push_back({self,
                       {kind, workload.ns(), v.reference},
                       Relation::Mounts,
                       {},
                       0,
                       v.created_elsewhere});
    }
}

template <WorkloadKind Workload>
constexpr void add_references(const StackView&, const Workload& workload,
                              std::vector<Reference>& out) {
    add_workload_references(ref_of(kind_of<Workload>, workload), workload, out);
}

// A StatefulSet's pods, and the Service that names them.
constexpr void add_references(const StackView&, const StatefulSet& set,
                              std::vector<Reference>& out) {
    const ObjectRef self = ref_of(kind_of<StatefulSet>, set);
    add_workload_references(self, set, out);
    if (!set.service_name().empty())
        out.push_back({self,
                       {kind_of<Service>, set.ns(), set.service_name()},
                       Relation::GovernedBy,
                       {},
                       0,
                       false});
}

constexpr void add_references(const StackView& stack, const Service& service,
                              std::vector<Reference>& out) {
    const ObjectRef self = ref_of(kind_of<Service>, service);
    for_each_kind([&]<class Object>() {
        if constexpr (WorkloadKind<Object>)
            for (const Object& workload : stack.all<Object>())
                if (selects(service, workload))
                    out.push_back(
                        {self, ref_of(kind_of<Object>, workload), Relation::Selects, {}, 0, false});
    });
}

constexpr void add_references(const StackView& stack, const Ingress& ingress,
                              std::vector<Reference>& out) {
    const ObjectRef self = ref_of(kind_of<Ingress>, ingress);
    for (const IngressRoute& route : ingress.routes()) {
        std::string_view port_name;
        for (const Service& service : stack.all<Service>())
            if (service.ns() == ingress.ns() && service.name() == route.service)
                for (const ServicePort& port : service.ports())
                    if (port.port == route.port) port_name = port.name;
        out.push_back({self,
                       {kind_of<Service>, ingress.ns(), route.service},
                       Relation::RoutesTo,
                       port_name,
                       route.port,
                       route.service_created_elsewhere});
    }
}

constexpr void add_references(const StackView&, const PersistentVolumeClaim& claim,
                              std::vector<Reference>& out) {
    if (claim.volume_name().empty()) return;
    out.push_back({ref_of(kind_of<PersistentVolumeClaim>, claim),
                   {kind_of<PersistentVolume>, {}, claim.volume_name()},
                   Relation::BoundTo,
                   {},
                   0,
                   claim.volume_created_elsewhere()});
}

constexpr void add_references(const StackView&, const ClusterRoleBinding& binding,
                              std::vector<Reference>& out) {
    const ObjectRef self = ref_of(kind_of<ClusterRoleBinding>, binding);
    out.push_back({self,
                   {kind_of<ClusterRole>, {}, binding.role_name()},
                   Relation::GrantsRole,
                   {},
                   0,
                   binding.role_created_elsewhere()});
    for (const Subject& subject : binding.subjects())
        out.push_back({self,
                       {kind_of<ServiceAccount>, subject.ns, subject.name},
                       Relation::GrantsTo,
                       {},
                       0,
                       subject.created_elsewhere});
}

constexpr void add_references(const StackView&, const RoleBinding& binding,
                              std::vector<Reference>& out) {
    const ObjectRef self = ref_of(kind_of<RoleBinding>, binding);
    const RoleRef& role = binding.role_ref();
    out.push_back({self,
                   role.is_cluster_role() ? ObjectRef{kind_of<ClusterRole>, {}, role.name}
                                          : ObjectRef{kind_of<Role>, binding.ns(), role.name},
                   Relation::GrantsRole,
                   {},
                   0,
                   role.created_elsewhere});
    for (const Subject& subject : binding.subjects())
        out.push_back({self,
                       {kind_of<ServiceAccount>, subject.ns, subject.name},
                       Relation::GrantsTo,
                       {},
                       0,
                       subject.created_elsewhere});
}

constexpr void add_references(const StackView&, const HorizontalPodAutoscaler& autoscaler,
                              std::vector<Reference>& out) {
    const WorkloadRef& target = autoscaler.target();
    if (target.empty()) return;
    for_each_kind([&]<class Object>() {
        if (kind_info<Object>.kind == target.kind)
            out.push_back({ref_of(kind_of<HorizontalPodAutoscaler>, autoscaler),
                           {kind_of<Object>, autoscaler.ns(), target.name},
                           Relation::Scales,
                           {},
                           0,
                           target.created_elsewhere});
    });
}

// A budget or a policy to the workloads whose pods its selector picks (an empty selector
// picks every pod of the namespace: no edge).
template <class Object>
constexpr void add_selected_workloads(const StackView& stack, const Object& selecting,
                                      std::vector<Reference>& out) {
    if (selecting.selector().empty()) return;
    const ObjectRef self = ref_of(kind_of<Object>, selecting);
    for_each_kind([&]<class Workload>() {
        if constexpr (WorkloadKind<Workload>)
            for (const Workload& workload : stack.all<Workload>())
                if (workload.ns() == selecting.ns() &&
                    workload.pod().labels.includes(selecting.selector()))
                    out.push_back({self,
                                   ref_of(kind_of<Workload>, workload),
                                   Relation::Selects,
                                   {},
                                   0,
                                   false});
    });
}

constexpr void add_references(const StackView& stack, const PodDisruptionBudget& budget,
                              std::vector<Reference>& out) {
    add_selected_workloads(stack, budget, out);
}

constexpr void add_references(const StackView& stack, const NetworkPolicy& policy,
                              std::vector<Reference>& out) {
    add_selected_workloads(stack, policy, out);
}

// Kinds that refer to nothing.
template <class Object>
constexpr void add_references(const StackView&, const Object&, std::vector<Reference>&) {}

} // namespace detail

// Calls visit(kind, object) for every object of the stack, kind by kind in apply order. A
// new kind is listed here once; the graph's nodes and references_of follow.
template <class Visit>
constexpr void for_each_object(const StackView& stack, Visit&& visit) {
    for_each_kind([&]<class Object>() {
        for (const Object& object : stack.all<Object>())
            visit(kind_of<Object>, object);
    });
}

// Every reference of the stack, object by object in for_each_object's order; a reference
// that several fields of an object make (two env vars of one ConfigMap) is listed once per
// relation.
constexpr std::vector<Reference> references_of(const StackView& stack) {
    std::vector<Reference> all;
    for_each_object(stack, [&](ObjectKind, const auto& object) {
        std::vector<Reference> own;
        detail::add_references(stack, object, own);
        // Once per target and relation: compared within the object only, so the cost stays
        // linear in the stack.
        const std::size_t first = all.size();
        for (const Reference& r : own) {
            bool known = false;
            for (std::size_t i = first; i < all.size(); ++i)
                known = known || (all[i].to == r.to && all[i].relation == r.relation &&
                                  all[i].port_number == r.port_number);
            if (!known) all.push_back(r);
        }
    });
    return all;
}

} // namespace kubestack
