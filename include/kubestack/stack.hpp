// A stack: every object to deploy, grouped in the steps a person would apply them in.
//
// A stack is written as a constexpr function returning a Stack, so the compiler can
// build it (and check it) inside a constant expression, and the binary can build it
// again at run time to write the manifests.
#pragma once

#include <cstddef>
#include <kubestack/config.hpp>
#include <kubestack/detail/list.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/namespace.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/service.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/workload.hpp>
#include <vector>

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
        return *this;
    }
    constexpr KubernetesVersion target() const { return target_; }

    detail::List<Namespace> namespaces;
    detail::List<ServiceAccount> serviceAccounts;
    detail::List<ClusterRole> clusterRoles;
    detail::List<ClusterRoleBinding> clusterRoleBindings;
    detail::List<ConfigMap> configMaps;
    detail::List<Secret> secrets;
    detail::List<PersistentVolume> persistentVolumes;
    detail::List<PersistentVolumeClaim> persistentVolumeClaims;
    detail::List<Deployment> deployments;
    detail::List<DaemonSet> daemonSets;
    detail::List<Service> services;
    detail::List<Ingress> ingresses;

    constexpr std::size_t size() const {
        return namespaces.size() + serviceAccounts.size() + clusterRoles.size() +
               clusterRoleBindings.size() + configMaps.size() + secrets.size() +
               persistentVolumes.size() + persistentVolumeClaims.size() + deployments.size() +
               daemonSets.size() + services.size() + ingresses.size();
    }

private:
    // Defined before its callers: clang instantiates place<Object> where add() calls it,
    // which must be after place's body, or a constant expression finds it undefined.
    template <class Object>
    constexpr void place(const Object& object, detail::List<Object>& into) {
        into.push_back(object);
        into.back().metadata().apply_step = step_;
        into.back().metadata().sequence = sequence_++;
    }

    constexpr void add(const Namespace& o) { place(o, namespaces); }
    constexpr void add(const ServiceAccount& o) { place(o, serviceAccounts); }
    constexpr void add(const ClusterRole& o) { place(o, clusterRoles); }
    constexpr void add(const ClusterRoleBinding& o) { place(o, clusterRoleBindings); }
    constexpr void add(const ConfigMap& o) { place(o, configMaps); }
    constexpr void add(const Secret& o) { place(o, secrets); }
    constexpr void add(const PersistentVolume& o) { place(o, persistentVolumes); }
    constexpr void add(const PersistentVolumeClaim& o) { place(o, persistentVolumeClaims); }
    constexpr void add(const Deployment& o) { place(o, deployments); }
    constexpr void add(const DaemonSet& o) { place(o, daemonSets); }
    constexpr void add(const Service& o) { place(o, services); }
    constexpr void add(const Ingress& o) { place(o, ingresses); }

    KubernetesVersion target_ = newest_known_kubernetes;
    int step_ = 0;
    int sequence_ = 0;
};

constexpr Stack stack() {
    return {};
}

} // namespace kubestack
