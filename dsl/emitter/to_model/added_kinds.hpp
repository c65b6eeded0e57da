// The compact builders of the autoscaler, disruption budget, network policy, storage
// class and namespaced RBAC kinds, converted at run time to the typed model of the API
// (include/kubestack/api/), which write_model_object() and render_model() write as YAML.
//
// The model's texts view the builder's: the builder must outlive the model object.
#pragma once

#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/api/storage/v1.hpp>
#include <kubestack/autoscaling.hpp>
#include <kubestack/disruption_budget.hpp>
#include <kubestack/network_policy.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/storage_class.hpp>

namespace kubestack::emitter {

api::autoscaling::v2::HorizontalPodAutoscaler to_model(const HorizontalPodAutoscaler& object);
api::policy::v1::PodDisruptionBudget to_model(const PodDisruptionBudget& object);
api::networking::v1::NetworkPolicy to_model(const NetworkPolicy& object);
api::storage::v1::StorageClass to_model(const StorageClass& object);
api::rbac::v1::Role to_model(const Role& object);
api::rbac::v1::RoleBinding to_model(const RoleBinding& object);

} // namespace kubestack::emitter
