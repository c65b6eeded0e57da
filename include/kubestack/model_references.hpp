// What an object of the model (object<f>(), or an imported stack) names other objects by:
// the ConfigMaps, Secrets, claims and ServiceAccount of its pods, an Ingress's backends and
// TLS Secrets, an autoscaler's target, a binding's role and subjects, a StatefulSet's
// governing Service, a claim's volume. Each must be in the stack, as a builder's reference
// must (rules 3, 4, 5, 7, 11, 12 and 14), unless the object declares it with refersTo(...
// .createdElsewhere()). ModelRules gathers them on the walk that validates the object
// (model_rules.hpp).
#pragma once

#include <kubestack/message_text.hpp>
#include <kubestack/rule_report.hpp>
#include <string_view>

namespace kubestack::detail {

struct ModelReference {
    MessageText field;     // spec.template.spec.volumes[0].configMap.name
    std::string_view kind; // ConfigMap
    std::string_view name;
    // A subject's own namespace; empty for the referring object's namespace.
    std::string_view ns;
    bool cluster_scoped = false; // a ClusterRole, a PersistentVolume
    std::string_view key;        // the key a configMapKeyRef or secretKeyRef reads
    StackRule missing;
};

} // namespace kubestack::detail
