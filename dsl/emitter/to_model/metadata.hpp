// What every conversion shares: metadata, and key-value lists as model maps.
#pragma once

#include "../to_model.hpp"

#include <kubestack/labels.hpp>

namespace kubestack::emitter::to_model_detail {

// The entries in their order; unset (left out of the manifest) when there are none.
template <std::size_t Capacity>
api::Optional<api::Map<api::String>> to_map(const KeyValues<Capacity>& values) {
    if (values.empty()) return {};
    api::Map<api::String> map;
    for (const Label& entry : values)
        map.push_back({entry.key, entry.value});
    return map;
}

// A selector of matchLabels; an empty one is `{}`, which selects every pod of the
// namespace (a NetworkPolicy's or a PodDisruptionBudget's).
template <std::size_t Capacity>
api::meta::v1::LabelSelector to_selector(const KeyValues<Capacity>& labels) {
    api::meta::v1::LabelSelector selector;
    selector.matchLabels = to_map(labels);
    return selector;
}

} // namespace kubestack::emitter::to_model_detail
