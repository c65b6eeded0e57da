#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

api::IntOrString model_count(const PodCount& count) {
    if (!count.percentage.empty()) return api::IntOrString(count.percentage);
    return api::IntOrString(count.count);
}

} // namespace

api::policy::v1::PodDisruptionBudget to_model(const PodDisruptionBudget& object, TextArena&) {
    api::policy::v1::PodDisruptionBudget model;
    model.metadata = to_model(object.metadata());
    api::policy::v1::PodDisruptionBudgetSpec& spec = model.spec.emplace();
    spec.selector = to_model_detail::to_selector(object.selector());
    if (object.min_available().set) spec.minAvailable = model_count(object.min_available());
    if (object.max_unavailable().set) spec.maxUnavailable = model_count(object.max_unavailable());
    if (object.has_eviction_policy())
        spec.unhealthyPodEvictionPolicy = to_string(object.eviction_policy());
    return model;
}

} // namespace kubestack::emitter
