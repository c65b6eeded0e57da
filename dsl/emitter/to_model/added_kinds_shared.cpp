#include "added_kinds_shared.hpp"

namespace kubestack::emitter::to_model_detail {

api::meta::v1::ObjectMeta model_metadata(const ObjectMeta& meta) {
    api::meta::v1::ObjectMeta model;
    model.name = meta.name;
    // Left out in a stack written withoutNamespaces(), for `kubectl apply -n`.
    if (!meta.ns.empty() && !meta.namespace_left_to_kubectl) model.namespace_ = meta.ns;
    if (!meta.labels.empty()) model.labels = model_map(meta.labels);
    if (!meta.annotations.empty()) model.annotations = model_map(meta.annotations);
    return model;
}

} // namespace kubestack::emitter::to_model_detail
