// Deployments and DaemonSets: metadata, a selector, and the shared pod template.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

api::meta::v1::LabelSelector match_labels(const Labels& selector) {
    api::meta::v1::LabelSelector model;
    model.matchLabels = to_model_detail::to_map(selector);
    return model;
}

api::IntOrString rolling_update_value(const RollingUpdateValue& value) {
    if (value.percentage.empty()) return value.count;
    return value.percentage;
}

api::apps::v1::DeploymentStrategy strategy(const Deployment& object) {
    api::apps::v1::DeploymentStrategy model;
    if (*object.strategy() == DeploymentStrategy::Recreate) {
        model.type = "Recreate";
        return model;
    }
    model.type = "RollingUpdate";
    const RollingUpdate& parameters = object.rolling_update();
    if (parameters.maxSurge.is_set() || parameters.maxUnavailable.is_set()) {
        api::apps::v1::RollingUpdateDeployment& rolling = model.rollingUpdate.emplace();
        if (parameters.maxSurge.is_set())
            rolling.maxSurge = rolling_update_value(parameters.maxSurge);
        if (parameters.maxUnavailable.is_set())
            rolling.maxUnavailable = rolling_update_value(parameters.maxUnavailable);
    }
    return model;
}

} // namespace

api::apps::v1::Deployment to_model(const Deployment& object, TextArena& arena, bool account_bound) {
    api::apps::v1::Deployment model;
    model.metadata = to_model(object.metadata());
    api::apps::v1::DeploymentSpec& spec = model.spec.emplace();
    // Without replicas(), left to Kubernetes (one pod) or to an autoscaler.
    if (object.replicas_given()) spec.replicas = object.replica_count();
    spec.selector = match_labels(object.selector());
    if (object.strategy()) spec.strategy = strategy(object);
    spec.template_ = to_model(
        object.pod(), {"Deployment", object.metadata(), object.selector(), account_bound}, arena);
    return model;
}

api::apps::v1::DaemonSet to_model(const DaemonSet& object, TextArena& arena, bool account_bound) {
    api::apps::v1::DaemonSet model;
    model.metadata = to_model(object.metadata());
    api::apps::v1::DaemonSetSpec& spec = model.spec.emplace();
    spec.selector = match_labels(object.selector());
    spec.template_ = to_model(
        object.pod(), {"DaemonSet", object.metadata(), object.selector(), account_bound}, arena);
    return model;
}

} // namespace kubestack::emitter
