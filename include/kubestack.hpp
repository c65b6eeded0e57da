// kubestack: describe a Kubernetes stack in C++20; the compiler checks it, the built
// binary writes its manifests. This umbrella header is all a stack needs.
#pragma once

// First, so that an error in a builder's own template (Resource::with) names one header
// in its include trace rather than three.
// clang-format off
#include <kubestack/metadata.hpp>
// clang-format on
#include <kubestack/autoscaling.hpp>
#include <kubestack/config.hpp>
#include <kubestack/container.hpp>
#include <kubestack/cron_job.hpp>
#include <kubestack/cron_schedule.hpp>
#include <kubestack/disruption_budget.hpp>
#include <kubestack/env.hpp>
#include <kubestack/environment.hpp>
#include <kubestack/http.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/job.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/names.hpp>
#include <kubestack/namespace.hpp>
#include <kubestack/network_policy.hpp>
#include <kubestack/pods_created_elsewhere.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/probes.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/rbac.hpp>
#include <kubestack/run.hpp>
#include <kubestack/security.hpp>
#include <kubestack/service.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_kinds.hpp>
#include <kubestack/stack_part.hpp>
#include <kubestack/stack_rules.hpp>
#include <kubestack/stack_view.hpp>
#include <kubestack/stateful_set.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/storage_class.hpp>
#include <kubestack/volumes.hpp>
#include <kubestack/workload.hpp>
#include <kubestack/workload_ref.hpp>
