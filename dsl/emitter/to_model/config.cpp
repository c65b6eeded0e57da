// ConfigMaps and Secrets, whose values may be read from the environment.
#include "environment_value.hpp"
#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

// The entries with their values resolved; unset when there are none.
template <std::size_t Capacity>
api::Optional<api::Map<api::String>> data(const KeyValues<Capacity>& entries,
                                          const ObjectMeta& owner, std::string_view kind,
                                          TextArena& arena) {
    if (entries.empty()) return {};
    api::Map<api::String> map;
    for (const Label& entry : entries)
        map.push_back(
            {entry.key, to_model_detail::resolve(entry.value, entry.environment, entry.required,
                                                 owner, kind, entry.key, arena)});
    return map;
}

} // namespace

api::core::v1::ConfigMap to_model(const ConfigMap& object, TextArena& arena) {
    api::core::v1::ConfigMap model;
    model.metadata = to_model(object.metadata());
    model.data = data(object.entries(), object.metadata(), "ConfigMap", arena);
    return model;
}

// The values go in stringData, as written: the API server encodes them into data.
api::core::v1::Secret to_model(const Secret& object, TextArena& arena) {
    api::core::v1::Secret model;
    model.metadata = to_model(object.metadata());
    model.type = "Opaque";
    model.stringData = data(object.entries(), object.metadata(), "Secret", arena);
    return model;
}

} // namespace kubestack::emitter
