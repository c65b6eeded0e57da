// What the whole-stack rules read of an object of the model (object<f>(), or an imported
// stack): the pods it makes, and the label selectors with which it picks pods.
//
// A Deployment's template, a CronJob's job template or a Pod makes pods: their labels and
// container ports go into the same index as the pods of the builders' workloads. A
// Service's selector, a budget's, a network policy's and a pod anti-affinity term's pick
// pods: each must pick some pod of the stack, as a builder's selector must (rules 1, 6 and
// 13), unless the object is marked selectsPodsCreatedElsewhere(). ModelRules gathers these
// on the walk that validates the object (model_rules.hpp), so the compiler builds each
// object once for both.
#pragma once

#include <cstdint>
#include <kubestack/detail/list.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/message_text.hpp>
#include <kubestack/rule_report.hpp>
#include <string_view>

namespace kubestack::detail {

// A container port, as a Service port's targetPort finds it: by name, or by number.
struct ModelContainerPort {
    std::string_view name;
    std::int64_t number = 0;
    std::string_view protocol; // TCP when the model leaves it out
};

// The pods of one pod template (or of a Pod).
struct ModelPods {
    List<Label> labels;
    List<ModelContainerPort> ports;
};

// One requirement of a label selector; a matchLabels entry is In with its one value.
struct SelectorTerm {
    std::string_view key;
    SelectorOperator op = SelectorOperator::In;
    List<std::string_view> values;
    bool from_match_labels = false; // written key: value, and said so in messages
};

// The value of a label that pods carry: builders' KeyValues, or the model's labels.
template <std::size_t Capacity>
constexpr bool label_value(const KeyValues<Capacity>& labels, std::string_view key,
                           std::string_view& value) {
    if (!labels.contains(key)) return false;
    value = labels.value(key);
    return true;
}
constexpr bool label_value(const List<Label>& labels, std::string_view key,
                           std::string_view& value) {
    for (const Label& label : labels)
        if (label.key == key) {
            value = label.value;
            return true;
        }
    return false;
}

template <class PodLabels>
constexpr bool matches(const SelectorTerm& term, const PodLabels& labels) {
    std::string_view value;
    const bool present = label_value(labels, term.key, value);
    bool listed = false;
    for (std::string_view wanted : term.values)
        listed = listed || (present && value == wanted);
    return satisfies(term.op, present, listed);
}

// Whether pods carry every label of a builder's selector.
template <class PodLabels>
constexpr bool carries_all(const PodLabels& labels, const Labels& selector) {
    std::string_view value;
    for (const Label& wanted : selector)
        if (!label_value(labels, wanted.key, value) || value != wanted.value) return false;
    return true;
}

template <class PodLabels>
constexpr bool matches_all(const List<SelectorTerm>& terms, const PodLabels& labels) {
    for (const SelectorTerm& term : terms)
        if (!matches(term, labels)) return false;
    return true;
}

// A selector of the object, and the rule it breaks when it picks no pod of the stack.
struct ModelSelection {
    MessageText field; // spec.selector
    List<SelectorTerm> terms;
    StackRule selects_no_pod;
};

} // namespace kubestack::detail
