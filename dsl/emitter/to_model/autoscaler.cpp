#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

namespace v2 = api::autoscaling::v2;

v2::MetricSpec model_metric(const ResourceMetric& metric) {
    v2::MetricTarget target;
    if (metric.is_utilization()) {
        target.type = "Utilization";
        target.averageUtilization = metric.average_utilization;
    } else {
        target.type = "AverageValue";
        target.averageValue = api::Quantity(metric.average_value);
    }
    v2::MetricSpec spec;
    spec.type = "Resource";
    spec.resource = v2::ResourceMetricSource{metric.resource, target};
    return spec;
}

v2::HPAScalingRules window_rules(int seconds) {
    v2::HPAScalingRules rules;
    rules.stabilizationWindowSeconds = seconds;
    return rules;
}

} // namespace

v2::HorizontalPodAutoscaler to_model(const HorizontalPodAutoscaler& object, TextArena&) {
    v2::HorizontalPodAutoscaler model;
    model.metadata = to_model(object.metadata());
    v2::HorizontalPodAutoscalerSpec& spec = model.spec;
    const WorkloadRef& target = object.target();
    spec.scaleTargetRef.apiVersion = target.api_version;
    spec.scaleTargetRef.kind = target.kind;
    spec.scaleTargetRef.name = target.name;
    if (object.min_replicas() != 0) spec.minReplicas = object.min_replicas();
    spec.maxReplicas = object.max_replicas();
    if (!object.metrics().empty()) {
        api::List<v2::MetricSpec>& metrics = spec.metrics.emplace();
        for (const ResourceMetric& metric : object.metrics())
            metrics.push_back(model_metric(metric));
    }
    if (object.scale_down_window() >= 0)
        spec.behavior.emplace().scaleDown = window_rules(object.scale_down_window());
    if (object.scale_up_window() >= 0)
        spec.behavior.emplace().scaleUp = window_rules(object.scale_up_window());
    return model;
}

} // namespace kubestack::emitter
