#include "metadata.hpp"

namespace kubestack::emitter {

api::storage::v1::StorageClass to_model(const StorageClass& object, TextArena&) {
    api::storage::v1::StorageClass model;
    model.metadata = to_model(object.metadata());
    model.provisioner = object.provisioner();
    if (!object.parameters().empty())
        model.parameters = to_model_detail::to_map(object.parameters());
    if (object.has_reclaim_policy())
        model.reclaimPolicy =
            object.reclaim_policy() == ReclaimPolicy::Retain ? "Retain" : "Delete";
    if (object.has_volume_binding_mode())
        model.volumeBindingMode = to_string(object.volume_binding_mode());
    if (object.has_allow_volume_expansion())
        model.allowVolumeExpansion = object.allows_volume_expansion();
    if (!object.mount_options().empty())
        model.mountOptions = to_model_detail::strings(object.mount_options());
    return model;
}

} // namespace kubestack::emitter
