// Persistent volumes and the claims bound to them.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace core = api::core::v1;

namespace {

template <class Modes>
api::Optional<api::List<api::String>> access_modes(const Modes& modes) {
    if (modes.empty()) return {};
    api::List<api::String> list;
    for (AccessMode mode : modes)
        list.push_back(to_string(mode));
    return list;
}

api::Map<api::Quantity> storage(std::string_view size) {
    api::Map<api::Quantity> map;
    map.push_back({"storage", size});
    return map;
}

} // namespace

api::core::v1::PersistentVolume to_model(const PersistentVolume& object, TextArena&) {
    core::PersistentVolume model;
    model.metadata = to_model(object.metadata());
    const StorageTerms& terms = object.terms();
    core::PersistentVolumeSpec& spec = model.spec.emplace();
    if (!terms.size.empty()) spec.capacity = storage(terms.size);
    spec.accessModes = access_modes(terms.access_modes);
    if (!terms.storage_class.empty()) spec.storageClassName = terms.storage_class;
    spec.persistentVolumeReclaimPolicy =
        object.reclaim_policy() == ReclaimPolicy::Retain ? "Retain" : "Delete";
    if (!object.host_path().empty()) {
        core::HostPathVolumeSource& host_path = spec.hostPath.emplace();
        host_path.path = object.host_path();
        host_path.type = "DirectoryOrCreate";
    }
    return model;
}

api::core::v1::PersistentVolumeClaim to_model(const PersistentVolumeClaim& object, TextArena&) {
    core::PersistentVolumeClaim model;
    model.metadata = to_model(object.metadata());
    const StorageTerms& terms = object.terms();
    core::PersistentVolumeClaimSpec& spec = model.spec.emplace();
    spec.accessModes = access_modes(terms.access_modes);
    if (!terms.storage_class.empty()) spec.storageClassName = terms.storage_class;
    if (!object.volume_name().empty()) spec.volumeName = object.volume_name();
    if (!terms.size.empty()) spec.resources.emplace().requests = storage(terms.size);
    return model;
}

} // namespace kubestack::emitter
