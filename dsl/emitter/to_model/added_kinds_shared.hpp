// What the conversions of added_kinds.hpp share: metadata, label maps and selectors.
#pragma once

#include <kubestack/api/meta/v1.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/metadata.hpp>

namespace kubestack::emitter::to_model_detail {

// name, then namespace, labels and annotations when there are any.
api::meta::v1::ObjectMeta model_metadata(const ObjectMeta& meta);

template <std::size_t Capacity>
api::Map<api::String> model_map(const KeyValues<Capacity>& entries) {
    api::Map<api::String> map;
    for (const Label& entry : entries)
        map.push_back({entry.key, entry.value});
    return map;
}

// matchLabels; an empty selector is `{}`, which selects everything.
template <std::size_t Capacity>
api::meta::v1::LabelSelector model_selector(const KeyValues<Capacity>& labels) {
    api::meta::v1::LabelSelector selector;
    if (!labels.empty()) selector.matchLabels = model_map(labels);
    return selector;
}

} // namespace kubestack::emitter::to_model_detail
