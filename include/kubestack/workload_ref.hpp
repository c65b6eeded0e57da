// A reference to a workload, as the objects that point at one keep it: a
// HorizontalPodAutoscaler's scale target, the pods a PodDisruptionBudget or a NetworkPolicy
// selects.
//
// Any workload kind plugs in with one specialization of WorkloadKind (its apiVersion and
// kind, and whether it has a scale subresource that an autoscaler can drive); the kind
// needs name(), ns(), metadata() and selector(), as Workload<Self> gives.
#pragma once

#include <kubestack/cron_job.hpp>
#include <kubestack/job.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/stateful_set.hpp>
#include <kubestack/workload.hpp>
#include <string_view>

namespace kubestack {

template <class W>
struct WorkloadRefInfo; // specialized for each workload kind

template <>
struct WorkloadRefInfo<Deployment> {
    static constexpr std::string_view api_version = "apps/v1";
    static constexpr std::string_view kind = "Deployment";
    static constexpr bool scalable = true;
};

// A DaemonSet runs one pod per node: nothing can scale it.
template <>
struct WorkloadRefInfo<DaemonSet> {
    static constexpr std::string_view api_version = "apps/v1";
    static constexpr std::string_view kind = "DaemonSet";
    static constexpr bool scalable = false;
};

template <>
struct WorkloadRefInfo<StatefulSet> {
    static constexpr std::string_view api_version = "apps/v1";
    static constexpr std::string_view kind = "StatefulSet";
    static constexpr bool scalable = true;
};

// Jobs run to completion: their parallelism is not a scale subresource.
template <>
struct WorkloadRefInfo<Job> {
    static constexpr std::string_view api_version = "batch/v1";
    static constexpr std::string_view kind = "Job";
    static constexpr bool scalable = false;
};

template <>
struct WorkloadRefInfo<CronJob> {
    static constexpr std::string_view api_version = "batch/v1";
    static constexpr std::string_view kind = "CronJob";
    static constexpr bool scalable = false;
};

template <class W>
concept ReferableWorkload = requires(const W& workload) {
    WorkloadRefInfo<W>::kind;
    workload.selector();
    workload.metadata();
};

struct WorkloadRef {
    std::string_view api_version;
    std::string_view kind;
    std::string_view name;
    std::string_view ns;
    Labels selector;
    bool scalable = false;
    bool created_elsewhere = false;

    constexpr bool empty() const { return name.empty(); }
};

template <ReferableWorkload W>
constexpr WorkloadRef workload_ref(const W& workload) {
    return {WorkloadRefInfo<W>::api_version,
            WorkloadRefInfo<W>::kind,
            workload.metadata().name,
            workload.metadata().ns,
            workload.selector(),
            WorkloadRefInfo<W>::scalable,
            workload.metadata().created_elsewhere};
}

} // namespace kubestack
