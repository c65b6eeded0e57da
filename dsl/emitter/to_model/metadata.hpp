// What every conversion shares: metadata, key-value lists as model maps, text lists, and
// ServiceAccount subjects.
#pragma once

#include "../to_model.hpp"

#include <kubestack/labels.hpp>
#include <kubestack/rbac.hpp>
#include <string_view>

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

// A list of texts (args, command, a rule's verbs...) as the model's list of strings.
template <class Texts>
api::List<api::String> strings(const Texts& texts) {
    api::List<api::String> list;
    for (std::string_view text : texts)
        list.push_back(text);
    return list;
}

// A ServiceAccount that a ClusterRoleBinding or a RoleBinding grants a role to.
inline api::rbac::v1::Subject service_account_subject(const Subject& account) {
    api::rbac::v1::Subject subject;
    subject.kind = "ServiceAccount";
    subject.name = account.name;
    subject.namespace_ = account.ns;
    return subject;
}

} // namespace kubestack::emitter::to_model_detail
