// The builders' objects as objects of the API model (include/kubestack/api/), made at run
// time in the driver so that one generic emitter (model_yaml.hpp) writes every manifest.
// The builders stay compact compile-time values; the model objects exist only while an
// object is written.
//
// A model object holds its text as string views: into the builder (which must outlive it)
// or, for a value read from the environment when the manifests are written, into the
// TextArena passed in (which must outlive it too).
#pragma once

#include "legacy_cron_job.hpp"
#include "legacy_ingress.hpp"

#include <deque>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/meta/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/api/storage/v1.hpp>
#include <kubestack/autoscaling.hpp>
#include <kubestack/config.hpp>
#include <kubestack/container.hpp>
#include <kubestack/cron_job.hpp>
#include <kubestack/disruption_budget.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/job.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/namespace.hpp>
#include <kubestack/network_policy.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/service.hpp>
#include <kubestack/stateful_set.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/storage_class.hpp>
#include <kubestack/workload.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace kubestack::emitter {

// Owned text for values resolved at run time: a deque never moves what it holds, so a view
// into one of its strings stays valid while the arena lives.
using TextArena = std::deque<std::string>;

// What a pod template's conversion needs to know of the workload that holds it.
struct PodOwner {
    std::string_view kind; // "Deployment": names the owner in error messages
    const ObjectMeta& metadata;
    const Labels& selector; // the workload's own pods, which anti-affinity keeps apart
    // Whether a binding of the stack grants the pod's own account a role: the stack's to
    // say (account_is_bound()), and the hardened profile mounts the token only then.
    bool account_bound = false;
};

// metadata: name, namespace, labels and annotations.
api::meta::v1::ObjectMeta to_model(const ObjectMeta& meta);

// A pod template and its containers: the part every workload (Deployment, DaemonSet, and
// later StatefulSet, Job, CronJob) shares. Throws std::runtime_error, naming the variable
// and the owner, for an env value read from an unset or non-UTF-8 environment variable.
api::core::v1::PodTemplateSpec to_model(const PodTemplate& pod, const PodOwner& owner,
                                        TextArena& arena);
api::core::v1::Container to_model(const Container& container, const PodOwner& owner,
                                  TextArena& arena);
api::core::v1::Volume to_model(const Volume& volume);

// The kinds of a Stack, one to one. Each takes the arena, so that generic code converts
// any kind the same way; those without values from the environment leave it untouched.
// A workload also takes whether its pod's account is bound (PodOwner::account_bound).
api::core::v1::Namespace to_model(const Namespace& object, TextArena& arena);
api::core::v1::ServiceAccount to_model(const ServiceAccount& object, TextArena& arena);
api::rbac::v1::ClusterRole to_model(const ClusterRole& object, TextArena& arena);
api::rbac::v1::ClusterRoleBinding to_model(const ClusterRoleBinding& object, TextArena& arena);
api::core::v1::ConfigMap to_model(const ConfigMap& object, TextArena& arena);
api::core::v1::Secret to_model(const Secret& object, TextArena& arena);
api::core::v1::PersistentVolume to_model(const PersistentVolume& object, TextArena& arena);
api::core::v1::PersistentVolumeClaim to_model(const PersistentVolumeClaim& object,
                                              TextArena& arena);
api::apps::v1::Deployment to_model(const Deployment& object, TextArena& arena,
                                   bool account_bound = false);
api::apps::v1::DaemonSet to_model(const DaemonSet& object, TextArena& arena,
                                  bool account_bound = false);
api::apps::v1::StatefulSet to_model(const StatefulSet& object, TextArena& arena,
                                    bool account_bound = false);
api::batch::v1::Job to_model(const Job& object, TextArena& arena, bool account_bound = false);
// A CronJob in the API version it chose: batch/v1, or batch/v1beta1 for clusters older
// than 1.21 (see legacy_cron_job.hpp).
using CronJobModel = std::variant<api::batch::v1::CronJob, legacy::batch::v1beta1::CronJob>;
CronJobModel to_model(const CronJob& object, TextArena& arena, bool account_bound = false);
api::core::v1::Service to_model(const Service& object, TextArena& arena);
api::rbac::v1::Role to_model(const Role& object, TextArena& arena);
api::rbac::v1::RoleBinding to_model(const RoleBinding& object, TextArena& arena);
api::storage::v1::StorageClass to_model(const StorageClass& object, TextArena& arena);
api::networking::v1::NetworkPolicy to_model(const NetworkPolicy& object, TextArena& arena);
api::autoscaling::v2::HorizontalPodAutoscaler to_model(const HorizontalPodAutoscaler& object,
                                                       TextArena& arena);
api::policy::v1::PodDisruptionBudget to_model(const PodDisruptionBudget& object, TextArena& arena);

// An Ingress in the API version it chose: networking.k8s.io/v1, or a v1beta1 form for
// clusters older than 1.19 (see legacy_ingress.hpp).
using IngressModel =
    std::variant<api::networking::v1::Ingress, legacy::networking::v1beta1::Ingress,
                 legacy::extensions::v1beta1::Ingress>;
IngressModel to_model(const Ingress& object, TextArena& arena);

} // namespace kubestack::emitter
