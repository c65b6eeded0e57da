// HorizontalPodAutoscalers (autoscaling/v2): scale a workload between a minimum and a
// maximum number of replicas to keep its pods' cpu or memory at a target.
//
// `horizontalPodAutoscaler(web)` is named after the workload it scales, in its namespace;
// `horizontalPodAutoscaler("name").scales(web)` names it apart. Only workloads with a
// scale subresource can be scaled (a Deployment, not a DaemonSet).
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/workload_ref.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(autoscaler_min_replicas_must_be_at_least_1)
KUBESTACK_BROKEN_RULE(autoscaler_max_replicas_must_be_at_least_1_and_at_least_min_replicas)
KUBESTACK_BROKEN_RULE(autoscaler_target_utilization_must_be_a_percentage_above_0)
KUBESTACK_BROKEN_RULE(autoscaler_stabilization_window_must_be_between_0_and_3600_seconds)
KUBESTACK_BROKEN_RULE(autoscaler_scales_only_workloads_with_a_scale_subresource_not_daemon_sets)
} // namespace broken_rule

// Kubernetes' limits (pkg/apis/autoscaling/validation): minReplicas > 0 (0 only behind an
// alpha feature gate), maxReplicas >= minReplicas and > 0, a utilization > 0 (it may pass
// 100: it is relative to the pods' requests), a stabilization window of at most an hour.
constexpr bool is_min_replica_count(int count) {
    return count >= 1;
}
constexpr bool is_utilization_percentage(int percent) {
    return percent >= 1;
}
constexpr bool is_stabilization_window(int seconds) {
    return seconds >= 0 && seconds <= 3600;
}

// One Resource metric: the average of a resource over the pods, as a percentage of their
// requests (Utilization) or as an absolute quantity (AverageValue).
struct ResourceMetric {
    std::string_view resource;      // "cpu", "memory"
    int average_utilization = 0;    // set for a Utilization target
    std::string_view average_value; // set for an AverageValue target

    constexpr bool is_utilization() const { return average_value.empty(); }
};

class HorizontalPodAutoscaler : public Resource<HorizontalPodAutoscaler> {
public:
    constexpr explicit HorizontalPodAutoscaler(Name name)
        : Resource(name) {}
    // For a name taken from an object that checked it already.
    constexpr HorizontalPodAutoscaler(detail::Unchecked, std::string_view name)
        : Resource(name) {}

    // The workload to scale; the autoscaler moves to its namespace, where it must be.
    template <ReferableWorkload W>
    constexpr HorizontalPodAutoscaler& scales(const W& workload) {
        target_ = workload_ref(workload);
        if (!target_.scalable)
            broken_rule::autoscaler_scales_only_workloads_with_a_scale_subresource_not_daemon_sets(
                this->meta_.broken);
        place_beside(workload.metadata());
        return *this;
    }

    // Checked when the stack is evaluated, so that counts can come from per-cluster values.
    constexpr HorizontalPodAutoscaler& minReplicas(int count) {
        if (!is_min_replica_count(count))
            broken_rule::autoscaler_min_replicas_must_be_at_least_1(this->meta_.broken);
        if (max_replicas_ != 0 && max_replicas_ < count)
            broken_rule::autoscaler_max_replicas_must_be_at_least_1_and_at_least_min_replicas(
                this->meta_.broken);
        min_replicas_ = count;
        return *this;
    }
    constexpr HorizontalPodAutoscaler& maxReplicas(int count) {
        if (count < 1 || count < min_replicas_)
            broken_rule::autoscaler_max_replicas_must_be_at_least_1_and_at_least_min_replicas(
                this->meta_.broken);
        max_replicas_ = count;
        return *this;
    }

    // Keep the pods' average cpu (memory) at this percentage of what they request.
    constexpr HorizontalPodAutoscaler& cpuUtilization(int percent) {
        return utilization("cpu", percent);
    }
    constexpr HorizontalPodAutoscaler& memoryUtilization(int percent) {
        return utilization("memory", percent);
    }
    // Keep the pods' average cpu (memory) at this quantity.
    constexpr HorizontalPodAutoscaler& cpuAverageValue(Cpu quantity) {
        return metric({"cpu", 0, quantity});
    }
    constexpr HorizontalPodAutoscaler& memoryAverageValue(Bytes quantity) {
        return metric({"memory", 0, quantity});
    }

    // How long the autoscaler looks back before it scales down (up): it takes the highest
    // (lowest) recommendation of that window, which smooths flapping.
    constexpr HorizontalPodAutoscaler& scaleDownStabilization(int seconds) {
        if (!is_stabilization_window(seconds))
            broken_rule::autoscaler_stabilization_window_must_be_between_0_and_3600_seconds(
                this->meta_.broken);
        scale_down_window_ = seconds;
        return *this;
    }
    constexpr HorizontalPodAutoscaler& scaleUpStabilization(int seconds) {
        if (!is_stabilization_window(seconds))
            broken_rule::autoscaler_stabilization_window_must_be_between_0_and_3600_seconds(
                this->meta_.broken);
        scale_up_window_ = seconds;
        return *this;
    }

    constexpr const WorkloadRef& target() const { return target_; }
    constexpr int min_replicas() const { return min_replicas_; } // 0: not written (Kubernetes: 1)
    constexpr int max_replicas() const { return max_replicas_; } // 0: not given yet
    constexpr const auto& metrics() const { return metrics_; }
    constexpr int scale_down_window() const { return scale_down_window_; } // -1: not written
    constexpr int scale_up_window() const { return scale_up_window_; }     // -1: not written

private:
    constexpr HorizontalPodAutoscaler& utilization(std::string_view resource, int percent) {
        if (!is_utilization_percentage(percent))
            broken_rule::autoscaler_target_utilization_must_be_a_percentage_above_0(
                this->meta_.broken);
        return metric({resource, percent, {}});
    }
    // One target per resource: a second one for the same resource replaces the first.
    constexpr HorizontalPodAutoscaler& metric(const ResourceMetric& wanted) {
        for (ResourceMetric& known : metrics_)
            if (known.resource == wanted.resource) {
                known = wanted;
                return *this;
            }
        metrics_.push_back(wanted);
        return *this;
    }

    WorkloadRef target_;
    int min_replicas_ = 0;
    int max_replicas_ = 0;
    detail::FixedList<ResourceMetric, limits::metrics> metrics_;
    int scale_down_window_ = -1;
    int scale_up_window_ = -1;
};

constexpr HorizontalPodAutoscaler horizontalPodAutoscaler(Name name,
                                                          SourcePlace where = SourcePlace::here()) {
    return detail::written_at(HorizontalPodAutoscaler(name), where);
}

// Named after the workload it scales (a workload's name is a DNS label, so a valid name).
template <ReferableWorkload W>
constexpr HorizontalPodAutoscaler horizontalPodAutoscaler(const W& workload,
                                                          SourcePlace where = SourcePlace::here()) {
    HorizontalPodAutoscaler autoscaler(detail::unchecked, workload.name());
    autoscaler.scales(workload);
    // Set in place, as service(workload) does: detail::written_at would copy the local.
    autoscaler.metadata().written_at = where;
    return autoscaler;
}

} // namespace kubestack
