// A reference to a workload, as the objects that point at one keep it: a
// HorizontalPodAutoscaler's scale target, the pods a PodDisruptionBudget or a NetworkPolicy
// selects.
//
// Any workload kind plugs in: its apiVersion and kind come from kind_info, and it needs
// pod(), metadata() and selector(), as Workload<Self> gives.
#pragma once

#include <kubestack/kind_info.hpp>
#include <kubestack/labels.hpp>
#include <string_view>

namespace kubestack {

// A workload with a replica count has a scale subresource that an autoscaler can drive.
// A DaemonSet runs one pod per node, and Jobs run to completion: nothing scales them.
template <class W>
inline constexpr bool is_scalable = requires(const W& workload) {
    workload.replica_count();
};

template <class W>
concept ReferableWorkload = !kind_info<W>.kind.empty() && requires(const W& workload) {
    workload.pod();
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
    return {kind_info<W>.api_version,
            kind_info<W>.kind,
            workload.metadata().name,
            workload.metadata().ns,
            workload.selector(),
            is_scalable<W>,
            workload.metadata().created_elsewhere};
}

} // namespace kubestack
