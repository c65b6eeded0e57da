// StatefulSets: a selector, the governing Service, the shared pod template and a claim
// template per volume of each pod.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace core = api::core::v1;

namespace {

// A PersistentVolumeClaim as its template: name, labels and annotations, and what it asks
// for; its namespace is the StatefulSet's.
core::PersistentVolumeClaim claim_template(const ClaimTemplate& claim) {
    core::PersistentVolumeClaim model;
    api::meta::v1::ObjectMeta& meta = model.metadata.emplace();
    meta.name = claim.name;
    meta.labels = to_model_detail::to_map(claim.labels);
    meta.annotations = to_model_detail::to_map(claim.annotations);
    core::PersistentVolumeClaimSpec& spec = model.spec.emplace();
    if (!claim.terms.access_modes.empty()) {
        api::List<api::String>& modes = spec.accessModes.emplace();
        for (AccessMode mode : claim.terms.access_modes)
            modes.push_back(to_string(mode));
    }
    if (!claim.terms.storage_class.empty()) spec.storageClassName = claim.terms.storage_class;
    if (!claim.terms.size.empty())
        spec.resources.emplace().requests.emplace().push_back({"storage", claim.terms.size});
    return model;
}

} // namespace

api::apps::v1::StatefulSet to_model(const StatefulSet& object, TextArena& arena,
                                    bool account_bound) {
    api::apps::v1::StatefulSet model;
    model.metadata = to_model(object.metadata());
    api::apps::v1::StatefulSetSpec& spec = model.spec.emplace();
    if (object.replicas_given()) spec.replicas = object.replica_count();
    spec.selector.matchLabels = to_model_detail::to_map(object.selector());
    if (!object.service_name().empty()) spec.serviceName = object.service_name();
    if (const auto policy = object.pod_management_policy())
        spec.podManagementPolicy = to_string(*policy);
    if (const auto strategy = object.update_strategy()) {
        api::apps::v1::StatefulSetUpdateStrategy& update = spec.updateStrategy.emplace();
        update.type = to_string(*strategy);
        if (const auto partition = object.partition())
            update.rollingUpdate.emplace().partition = *partition;
    }
    spec.template_ = to_model(
        object.pod(), {"StatefulSet", object.metadata(), object.selector(), account_bound}, arena);
    if (!object.claim_templates().empty()) {
        api::List<core::PersistentVolumeClaim>& claims = spec.volumeClaimTemplates.emplace();
        for (const ClaimTemplate& claim : object.claim_templates())
            claims.push_back(claim_template(claim));
    }
    return model;
}

} // namespace kubestack::emitter
