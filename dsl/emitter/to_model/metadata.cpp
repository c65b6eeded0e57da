#include "metadata.hpp"

namespace kubestack::emitter {

api::meta::v1::ObjectMeta to_model(const ObjectMeta& meta) {
    api::meta::v1::ObjectMeta model;
    model.name = meta.name;
    // A stack written withoutNamespaces() leaves the namespace to kubectl's context.
    if (!meta.ns.empty() && !meta.namespace_left_to_kubectl) model.namespace_ = meta.ns;
    model.labels = to_model_detail::to_map(meta.labels);
    model.annotations = to_model_detail::to_map(meta.annotations);
    return model;
}

} // namespace kubestack::emitter

namespace kubestack::emitter {

api::core::v1::Namespace to_model(const Namespace& object, TextArena&) {
    api::core::v1::Namespace model;
    model.metadata = to_model(object.metadata());
    return model;
}

} // namespace kubestack::emitter
