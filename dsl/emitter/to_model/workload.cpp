// Deployments and DaemonSets: metadata, a selector, and the shared pod template.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

api::meta::v1::LabelSelector match_labels(const Labels& selector) {
    api::meta::v1::LabelSelector model;
    model.matchLabels = to_model_detail::to_map(selector);
    return model;
}

} // namespace

api::apps::v1::Deployment to_model(const Deployment& object, TextArena& arena) {
    api::apps::v1::Deployment model;
    model.metadata = to_model(object.metadata());
    api::apps::v1::DeploymentSpec& spec = model.spec.emplace();
    // Without replicas(), left to Kubernetes (one pod) or to an autoscaler.
    if (object.replicas_given()) spec.replicas = object.replica_count();
    spec.selector = match_labels(object.selector());
    spec.template_ =
        to_model(object.pod(), {"Deployment", object.metadata(), object.selector()}, arena);
    return model;
}

api::apps::v1::DaemonSet to_model(const DaemonSet& object, TextArena& arena) {
    api::apps::v1::DaemonSet model;
    model.metadata = to_model(object.metadata());
    api::apps::v1::DaemonSetSpec& spec = model.spec.emplace();
    spec.selector = match_labels(object.selector());
    spec.template_ =
        to_model(object.pod(), {"DaemonSet", object.metadata(), object.selector()}, arena);
    return model;
}

} // namespace kubestack::emitter
