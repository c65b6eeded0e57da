// Kubernetes' validation of objects of the typed model: what object<f>() puts in a stack,
// custom resources included. The builders' objects have their rules in object_rules.hpp;
// these are the same facts, read from the model's fields, with the same rule names and the
// same value predicates (names.hpp, ports.hpp, quantity.hpp, ...).
//
// One walk visits every field of the object through its generated visit_fields(). It
// checks what any field of its type must hold (a CRD enum, a quantity), and runs the rules
// of the model type it stands on: a PodSpec's wherever a kind holds one (a Pod, a
// Deployment's template, a CronJob's job template), a Probe's for each probe. Messages name
// the object and the field as the API server does:
//
//     Deployment "web": spec.template.spec.containers[0].ports[1].name: "http" is used twice
//
// The model's types are only declared here: a rule's body is a template on the type it
// reads, instantiated only for objects that hold it, so a stack pays for the headers it
// includes and no more.
#pragma once

#include <cstddef>
#include <cstdint>
#include <kubestack/api_traits.hpp>
#include <kubestack/config.hpp>
#include <kubestack/detail/text_builder.hpp>
#include <kubestack/env.hpp>
#include <kubestack/image_reference.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/model_facts.hpp>
#include <kubestack/names.hpp>
#include <kubestack/network_policy.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/probes.hpp>
#include <kubestack/quantity.hpp>
#include <kubestack/rule_report.hpp>
#include <kubestack/volumes.hpp>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kubestack::api {
namespace core::v1 {
struct Container;
struct ConfigMap;
struct ConfigMapEnvSource;
struct ConfigMapKeySelector;
struct ConfigMapProjection;
struct ConfigMapVolumeSource;
struct ContainerPort;
struct EnvVar;
struct PersistentVolumeClaimSpec;
struct PersistentVolumeClaimVolumeSource;
struct PersistentVolumeSpec;
struct Pod;
struct PodAntiAffinity;
struct PodSpec;
struct PodTemplateSpec;
struct Probe;
struct ResourceRequirements;
struct Secret;
struct SecretEnvSource;
struct SecretKeySelector;
struct SecretProjection;
struct SecretVolumeSource;
struct ServicePort;
struct ServiceSpec;
struct Volume;
struct VolumeMount;
} // namespace core::v1
namespace apps::v1 {
struct DaemonSetSpec;
struct DeploymentSpec;
struct ReplicaSetSpec;
struct StatefulSetSpec;
} // namespace apps::v1
namespace batch::v1 {
struct JobSpec;
}
namespace meta::v1 {
struct LabelSelector;
struct ObjectMeta;
} // namespace meta::v1
namespace autoscaling::v1 {
struct HorizontalPodAutoscalerSpec;
}
namespace autoscaling::v2 {
struct HorizontalPodAutoscalerSpec;
}
namespace networking::v1 {
struct HTTPIngressPath;
struct IngressServiceBackend;
struct IngressSpec;
struct IngressTLS;
struct IPBlock;
struct NetworkPolicyPort;
struct NetworkPolicySpec;
} // namespace networking::v1
namespace rbac::v1 {
struct PolicyRule;
struct RoleRef;
struct Subject;
} // namespace rbac::v1
namespace policy::v1 {
struct PodDisruptionBudgetSpec;
}
} // namespace kubestack::api

namespace kubestack::detail {

// The values of a field that Kubernetes enumerates in its validation, not in the OpenAPI
// document (which the model is generated from).
struct Enumeration {
    std::span<const std::string_view> values;
    std::string_view listed;
};
inline constexpr std::string_view protocol_values[] = {"TCP", "UDP", "SCTP"};
inline constexpr std::string_view service_type_values[] = {"ClusterIP", "NodePort", "LoadBalancer",
                                                           "ExternalName"};
inline constexpr std::string_view access_mode_values[] = {"ReadWriteOnce", "ReadOnlyMany",
                                                          "ReadWriteMany", "ReadWriteOncePod"};
inline constexpr std::string_view path_type_values[] = {"Exact", "Prefix",
                                                        "ImplementationSpecific"};
inline constexpr Enumeration protocols{protocol_values, "TCP, UDP, SCTP"};
inline constexpr Enumeration path_types{path_type_values, "Exact, Prefix, ImplementationSpecific"};
inline constexpr Enumeration selector_operators{selector_operator_names,
                                                "In, NotIn, Exists, DoesNotExist"};
inline constexpr Enumeration service_types{service_type_values,
                                           "ClusterIP, NodePort, LoadBalancer, ExternalName"};
inline constexpr Enumeration access_modes{
    access_mode_values, "ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod"};

class ModelRules {
public:
    // With facts, the walk also gathers what the whole-stack rules read (model_facts.hpp).
    constexpr explicit ModelRules(RuleReport& report, ModelFacts* facts = nullptr)
        : report_(report)
        , facts_(facts) {}

    template <class Model>
    constexpr void check(const Model& object) {
        kind_ = Model::kind;
        std::string_view ns;
        api::read_metadata(object, [&](const auto& meta) {
            if (meta.name.has_value()) name_ = *meta.name;
            if constexpr (requires { meta.namespace_; })
                if (meta.namespace_.has_value()) ns = *meta.namespace_;
        });
        check_names(Model::api_version, ns);
        value(object);
    }

private:
    template <class T, class Model>
    static constexpr bool is = std::is_same_v<T, Model>;

    // --- the walk --------------------------------------------------------------------

    template <class T>
    constexpr void value(const T& given) {
        if constexpr (api::is_optional<T>) {
            if (given.set) value(given.value);
        } else if constexpr (api::is_box<T>) {
            if (given) value(*given);
        } else if constexpr (api::is_list<T>) {
            for (std::size_t i = 0; i < given.size(); ++i) {
                if constexpr (api::is_entry<std::remove_cvref_t<decltype(given[i])>>) {
                    push({}, -1, given[i].key);
                    value(given[i].value);
                } else {
                    push({}, static_cast<int>(i));
                    value(given[i]);
                }
                pop();
            }
        } else if constexpr (api::is_one_of<T>) {
            if (!given.accepted()) not_one_of(given.view(), given.listed());
        } else if constexpr (is<T, api::Quantity>) {
            if (!is_quantity(given.text)) {
                TextBuilder text = at();
                text << ": ";
                text.quoted(given.text) << " is no quantity (a number with a suffix such as "
                                           "Mi, Gi, m or k, as in 512Mi or 250m)";
                report_.add(StackRule::quantity_malformed, text);
            }
        } else if constexpr (api::ModelStruct<T>) {
            rules_of(given);
            if (facts_ != nullptr) {
                gather(given);
                gather_references(given);
                if constexpr (is<T, api::core::v1::ConfigMap> || is<T, api::core::v1::Secret>)
                    gather_keys(given);
            }
            // A StatefulSet's containers may mount its claim templates by name: the
            // controller adds a volume for each to every pod it makes.
            if constexpr (is<T, api::apps::v1::StatefulSetSpec>)
                if (given.volumeClaimTemplates)
                    for (const auto& claim : *given.volumeClaimTemplates)
                        if (claim.metadata && claim.metadata->name)
                            claim_templates_.push_back(*claim.metadata->name);
            T::visit_fields(given, [this](const api::FieldInfo& field, const auto& member) {
                push(field.name);
                value(member);
                pop();
            });
            if constexpr (is<T, api::apps::v1::StatefulSetSpec>) claim_templates_ = {};
        }
    }

    // The rules of the model type the walk stands on.
    template <class T>
    constexpr void rules_of(const T& given) {
        namespace core = api::core::v1;
        if constexpr (is<T, core::PodSpec>)
            pod_spec(given);
        else if constexpr (is<T, core::Container>)
            container(given);
        else if constexpr (is<T, core::ContainerPort>)
            container_port(given);
        else if constexpr (is<T, core::EnvVar>)
            env_var(given);
        else if constexpr (is<T, core::VolumeMount>)
            volume_mount(given);
        else if constexpr (is<T, core::Volume>)
            volume(given);
        else if constexpr (is<T, core::Probe>)
            probe(given);
        else if constexpr (is<T, core::ResourceRequirements>)
            resources(given);
        else if constexpr (is<T, core::ServiceSpec>)
            service_spec(given);
        else if constexpr (is<T, core::ServicePort>)
            service_port(given);
        else if constexpr (is<T, core::PersistentVolumeClaimSpec>)
            claim_spec(given);
        else if constexpr (is<T, core::PersistentVolumeSpec>)
            volume_spec(given);
        else if constexpr (is<T, api::networking::v1::IngressSpec>)
            ingress_spec(given);
        else if constexpr (is<T, api::networking::v1::HTTPIngressPath>)
            ingress_path(given);
        else if constexpr (is<T, api::networking::v1::IPBlock>)
            ip_block(given);
        else if constexpr (is<T, api::networking::v1::NetworkPolicyPort>)
            policy_port(given);
        else if constexpr (is<T, api::rbac::v1::PolicyRule>)
            policy_rule(given);
        else if constexpr (is<T, api::apps::v1::DeploymentSpec> ||
                           is<T, api::apps::v1::StatefulSetSpec> ||
                           is<T, api::apps::v1::ReplicaSetSpec> ||
                           is<T, api::apps::v1::DaemonSetSpec>)
            workload_spec(given);
        else if constexpr (is<T, api::autoscaling::v1::HorizontalPodAutoscalerSpec> ||
                           is<T, api::autoscaling::v2::HorizontalPodAutoscalerSpec>)
            autoscaler_spec(given);
        else if constexpr (is<T, api::policy::v1::PodDisruptionBudgetSpec>)
            budget_spec(given);
        else if constexpr (is<T, api::batch::v1::JobSpec>)
            job_spec(given);
        else if constexpr (is<T, api::meta::v1::ObjectMeta>)
            object_meta(given);
        else if constexpr (is<T, api::meta::v1::LabelSelector>)
            label_selector(given);
        else if constexpr (is<T, core::ConfigMap> || is<T, core::Secret>)
            config_keys(given);
    }

    // --- what the whole-stack rules read: pods made, and selectors (model_facts.hpp) -------

    template <class T>
    constexpr void gather(const T& given) {
        namespace core = api::core::v1;
        if constexpr (is<T, core::Pod>) {
            pods(given.metadata, given.spec);
        } else if constexpr (is<T, core::PodTemplateSpec>) {
            // A PodTemplate object keeps a template for others to use: it makes no pod.
            if (kind_ != "PodTemplate") pods(given.metadata, given.spec);
        } else if constexpr (is<T, core::ServiceSpec>) {
            // An ExternalName Service ignores its selector.
            if (given.selector && !(given.type && *given.type == "ExternalName")) {
                ModelSelection selection{
                    path_text(".selector"), {}, StackRule::service_selects_no_pod};
                for (const auto& label : *given.selector)
                    selection.terms.push_back(
                        {label.key, SelectorOperator::In, {label.value}, true});
                selected_by(std::move(selection));
            }
        } else if constexpr (is<T, api::policy::v1::PodDisruptionBudgetSpec>) {
            if (given.selector)
                select(".selector", *given.selector, StackRule::disruption_budget_selects_no_pod);
        } else if constexpr (is<T, api::networking::v1::NetworkPolicySpec>) {
            if (given.podSelector)
                select(".podSelector", *given.podSelector,
                       StackRule::network_policy_selects_no_pod);
        } else if constexpr (is<T, core::PodAntiAffinity>) {
            // A required term binds the scheduler; a preferred one may well name pods that
            // are not there yet. A PodTemplate object's terms schedule nothing.
            if (given.requiredDuringSchedulingIgnoredDuringExecution && kind_ != "PodTemplate") {
                push("requiredDuringSchedulingIgnoredDuringExecution");
                const auto& terms = *given.requiredDuringSchedulingIgnoredDuringExecution;
                for (std::size_t i = 0; i < terms.size(); ++i) {
                    push({}, static_cast<int>(i));
                    anti_affinity_term(terms[i]);
                    pop();
                }
                pop();
            }
        }
    }

    // --- what the whole-stack rules read: the objects it names (model_references.hpp) ------

    template <class T>
    constexpr void gather_references(const T& given) {
        namespace core = api::core::v1;
        namespace networking = api::networking::v1;
        namespace rbac = api::rbac::v1;
        // A PodTemplate object's pods, which it does not make, read nothing yet.
        if (kind_ == "PodTemplate") return;
        if constexpr (is<T, core::PodSpec>) {
            // Every namespace has the ServiceAccount "default".
            if (given.serviceAccountName && *given.serviceAccountName != "default")
                refers(".serviceAccountName", "ServiceAccount", *given.serviceAccountName,
                       StackRule::service_account_missing);
        } else if constexpr (is<T, core::ConfigMapVolumeSource> ||
                             is<T, core::ConfigMapProjection> || is<T, core::ConfigMapEnvSource>) {
            if (given.name && !marked_optional(given.optional))
                refers(".name", "ConfigMap", *given.name, StackRule::config_missing);
        } else if constexpr (is<T, core::SecretProjection> || is<T, core::SecretEnvSource>) {
            if (given.name && !marked_optional(given.optional))
                refers(".name", "Secret", *given.name, StackRule::config_missing);
        } else if constexpr (is<T, core::SecretVolumeSource>) {
            if (given.secretName && !marked_optional(given.optional))
                refers(".secretName", "Secret", *given.secretName, StackRule::config_missing);
        } else if constexpr (is<T, core::ConfigMapKeySelector> || is<T, core::SecretKeySelector>) {
            if (given.name && !marked_optional(given.optional))
                refers(".name", is<T, core::SecretKeySelector> ? "Secret" : "ConfigMap",
                       *given.name, StackRule::config_missing, given.key);
        } else if constexpr (is<T, core::PersistentVolumeClaimVolumeSource>) {
            refers(".claimName", "PersistentVolumeClaim", given.claimName,
                   StackRule::claim_missing);
        } else if constexpr (is<T, core::PersistentVolumeClaimSpec>) {
            if (given.volumeName)
                refers(".volumeName", "PersistentVolume", *given.volumeName,
                       StackRule::bound_volume_missing, {}, {}, true);
        } else if constexpr (is<T, networking::IngressServiceBackend>) {
            refers(".name", "Service", given.name, StackRule::ingress_backend_missing);
        } else if constexpr (is<T, networking::IngressTLS>) {
            if (given.secretName)
                refers(".secretName", "Secret", *given.secretName,
                       StackRule::ingress_tls_secret_missing);
        } else if constexpr (is<T, api::autoscaling::v1::HorizontalPodAutoscalerSpec> ||
                             is<T, api::autoscaling::v2::HorizontalPodAutoscalerSpec>) {
            refers(".scaleTargetRef.name", given.scaleTargetRef.kind, given.scaleTargetRef.name,
                   StackRule::autoscaler_target_missing);
        } else if constexpr (is<T, api::apps::v1::StatefulSetSpec>) {
            if (given.serviceName && !given.serviceName->empty())
                refers(".serviceName", "Service", *given.serviceName,
                       StackRule::stateful_set_service_missing);
        } else if constexpr (is<T, rbac::RoleRef>) {
            refers(".name", given.kind, given.name, StackRule::role_missing, {}, {},
                   given.kind == "ClusterRole");
        } else if constexpr (is<T, rbac::Subject>) {
            if (given.kind == "ServiceAccount" && given.name != "default")
                refers(".name", "ServiceAccount", given.name, StackRule::subject_missing, {},
                       given.namespace_ ? std::string_view{*given.namespace_} : std::string_view{});
        }
    }

    static constexpr bool marked_optional(const api::Optional<bool>& flag) { return flag && *flag; }

    // A reference that reads a key, names its own namespace (a subject's), or names a
    // cluster-scoped object says so.
    constexpr void refers(std::string_view field, std::string_view kind, std::string_view name,
                          StackRule missing, std::string_view key = {}, std::string_view ns = {},
                          bool cluster_scoped = false) {
        // An empty name names nothing (an empty serviceAccountName means "default").
        if (name.empty()) return;
        facts_->references.push_back(
            {path_text(field), kind, name, ns, cluster_scoped, key, missing});
    }

    // The keys a ConfigMap or Secret defines, which a configMapKeyRef may read.
    template <class Config>
    constexpr void gather_keys(const Config& config) {
        const auto keys = [this](const auto& entries) {
            if (entries)
                for (const auto& entry : *entries)
                    facts_->keys.push_back(entry.key);
        };
        keys(config.data);
        if constexpr (requires { config.binaryData; }) keys(config.binaryData);
        if constexpr (requires { config.stringData; }) keys(config.stringData);
    }

    template <class Metadata, class Spec>
    constexpr void pods(const Metadata& metadata, const Spec& spec) {
        ModelPods made;
        if (metadata && metadata->labels)
            for (const auto& label : *metadata->labels) {
                Label carried;
                carried.key = label.key;
                carried.value = label.value;
                made.labels.push_back(carried);
            }
        if (spec)
            for (const auto& container : spec->containers)
                if (container.ports)
                    for (const auto& port : *container.ports)
                        made.ports.push_back({port.name ? *port.name : std::string_view{},
                                              port.containerPort,
                                              port.protocol ? *port.protocol : "TCP"});
        facts_->pods.push_back(std::move(made));
    }

    // A term that looks in other namespaces, or takes label values from the pod itself,
    // picks pods that the stack's index cannot tell: it is left out.
    template <class Term>
    constexpr void anti_affinity_term(const Term& term) {
        if (!term.labelSelector || (term.namespaces && !term.namespaces->empty()) ||
            term.namespaceSelector || (term.matchLabelKeys && !term.matchLabelKeys->empty()) ||
            (term.mismatchLabelKeys && !term.mismatchLabelKeys->empty()))
            return;
        select(".labelSelector", *term.labelSelector, StackRule::anti_affinity_selects_no_pod);
    }

    template <class LabelSelector>
    constexpr void select(std::string_view field, const LabelSelector& selector,
                          StackRule selects_no_pod) {
        ModelSelection selection{path_text(field), {}, selects_no_pod};
        if (selector.matchLabels)
            for (const auto& label : *selector.matchLabels)
                selection.terms.push_back({label.key, SelectorOperator::In, {label.value}, true});
        if (selector.matchExpressions)
            for (const auto& requirement : *selector.matchExpressions) {
                SelectorOperator op{};
                // An unknown operator's enumeration is reported on the field.
                if (!read_selector_operator(requirement.operator_, op)) return;
                SelectorTerm term{requirement.key, op, {}};
                if (requirement.values)
                    for (std::string_view value : *requirement.values)
                        term.values.push_back(value);
                selection.terms.push_back(std::move(term));
            }
        selected_by(std::move(selection));
    }

    // An empty selector picks every pod of its namespace, which needs no check.
    constexpr void selected_by(ModelSelection selection) {
        if (!selection.terms.empty()) facts_->selections.push_back(std::move(selection));
    }

    // --- names: ValidateObjectMeta with each kind's name rule ---------------------------

    constexpr void check_names(std::string_view api_version, std::string_view ns) {
        if (!ns.empty() && !is_dns_label(ns)) {
            TextBuilder text = at();
            text << "metadata.namespace: ";
            text.quoted(ns) << " is no DNS label (at most 63 lowercase alphanumerics or '-')";
            report_.add(StackRule::object_name_invalid, text);
        }
        if (name_.empty()) return; // object_in_a_stack_needs_a_metadata_name
        const bool core = api_version == "v1";
        if (core && kind_ == "Service") {
            if (!is_dns_1035_label(name_)) {
                TextBuilder text = at();
                text << "metadata.name: a Service's name is a DNS-1035 label (at most 63 "
                        "lowercase alphanumerics or '-', starting with a letter)";
                report_.add(StackRule::service_name_not_a_dns_1035_label, text);
            }
        } else if (core && kind_ == "Namespace") {
            if (!is_dns_label(name_))
                name_rule("a DNS label (at most 63 lowercase alphanumerics or '-')");
        } else if (api_version.starts_with("rbac.authorization.k8s.io/")) {
            if (!is_path_segment_name(name_))
                name_rule("a path segment (no '/' or '%', not '.' or '..')");
        } else if (named_as_subdomain(api_version) && !is_dns_subdomain(name_)) {
            name_rule("a DNS subdomain (lowercase alphanumerics, '-' and '.', at most 253)");
        }
    }
    // The kinds whose names are DNS subdomains: those of the groups the DSL writes, and
    // custom resources. Other built-in kinds have names of their own (an IPAddress is an
    // address, a ClusterTrustBundle names its signer), left to the server.
    constexpr bool named_as_subdomain(std::string_view api_version) const {
        const std::string_view group = api_version.substr(
            0, api_version.rfind('/') == std::string_view::npos ? 0 : api_version.rfind('/'));
        if (group.empty())
            return kind_ == "Pod" || kind_ == "ConfigMap" || kind_ == "Secret" ||
                   kind_ == "ServiceAccount" || kind_ == "PersistentVolume" ||
                   kind_ == "PersistentVolumeClaim" || kind_ == "ReplicationController";
        if (group == "apps" || group == "batch" || group == "policy" || group == "autoscaling")
            return true;
        if (group == "networking.k8s.io")
            return kind_ == "Ingress" || kind_ == "NetworkPolicy" || kind_ == "IngressClass";
        if (group == "storage.k8s.io") return kind_ == "StorageClass";
        return !group.ends_with(".k8s.io") && group != "k8s.io";
    }
    constexpr void name_rule(std::string_view grammar) {
        TextBuilder text = at();
        text << "metadata.name: the name of kind " << kind_ << " is " << grammar;
        report_.add(StackRule::object_name_invalid, text);
    }

    // --- pods: ValidatePodSpec ----------------------------------------------------------

    template <class PodSpec>
    constexpr void pod_spec(const PodSpec& pod) {
        if (pod.containers.empty()) {
            TextBuilder text = at(".containers");
            text << ": a pod needs at least one container";
            report_.add(StackRule::pod_without_container, text);
        }
        // Container names are unique across init and app containers. Positions tell two
        // apart: one walk numbers them all, init containers first.
        const auto each_container = [&pod](auto&& visit) {
            std::size_t position = 0;
            if (pod.initContainers)
                for (std::size_t i = 0; i < pod.initContainers->size(); ++i)
                    visit(".initContainers", i, position++, (*pod.initContainers)[i]);
            for (std::size_t i = 0; i < pod.containers.size(); ++i)
                visit(".containers", i, position++, pod.containers[i]);
        };
        each_container([&](std::string_view list, std::size_t i, std::size_t here, const auto& c) {
            bool named_before = false;
            each_container(
                [&](std::string_view, std::size_t, std::size_t there, const auto& other) {
                    named_before = named_before || (there < here && other.name == c.name);
                });
            if (named_before) {
                TextBuilder text = item(list, i, ".name: the pod has two containers named ");
                text.quoted(c.name);
                report_.add(StackRule::duplicate_container, text);
            }
            for (std::size_t m = 0; c.volumeMounts && m < c.volumeMounts->size(); ++m)
                if (!has_volume(pod, (*c.volumeMounts)[m].name)) {
                    TextBuilder text = item(list, i, ".volumeMounts[");
                    text << static_cast<int>(m) << "].name: ";
                    text.quoted((*c.volumeMounts)[m].name) << " is no volume of the pod";
                    report_.add(StackRule::volume_not_defined, text);
                }
        });
        if (pod.volumes)
            for (std::size_t i = 0; i < pod.volumes->size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if ((*pod.volumes)[i].name == (*pod.volumes)[j].name) {
                        TextBuilder text = item(".volumes", i, ".name: ");
                        text.quoted((*pod.volumes)[i].name)
                            << " is used twice: the pod would get one of the volumes only";
                        report_.add(StackRule::duplicate_volume_name, text);
                    }
    }
    template <class PodSpec>
    constexpr bool has_volume(const PodSpec& pod, std::string_view name) const {
        if (pod.volumes)
            for (const auto& volume : *pod.volumes)
                if (volume.name == name) return true;
        for (std::string_view claim : claim_templates_)
            if (claim == name) return true;
        return false;
    }

    // ValidateContainers: a name, an image, unique ports, mounts and env.
    template <class Container>
    constexpr void container(const Container& c) {
        if (!is_dns_label(c.name)) {
            TextBuilder text = at(".name: ");
            text.quoted(c.name) << " is no DNS label (at most 63 lowercase alphanumerics or '-')";
            report_.add(StackRule::container_name_not_a_label, text);
        }
        if (!c.image || c.image->empty()) {
            TextBuilder text = at(".image");
            text << ": container ";
            text.quoted(c.name) << " has no image";
            report_.add(StackRule::container_without_image, text);
        } else if (!is_image_reference(*c.image)) {
            TextBuilder text = at(".image: ");
            text.quoted(*c.image) << " is no image reference (registry/name:tag or "
                                     "name@sha256:digest, without a scheme)";
            report_.add(StackRule::image_reference_invalid, text);
        }
        if (c.ports)
            for (std::size_t i = 0; i < c.ports->size(); ++i)
                for (std::size_t j = 0; j < i; ++j) {
                    const auto& port = (*c.ports)[i];
                    const auto& before = (*c.ports)[j];
                    if (port.name && before.name && *port.name == *before.name) {
                        TextBuilder text = item(".ports", i, ".name: ");
                        text.quoted(*port.name) << " is used twice";
                        report_.add(StackRule::duplicate_port_name, text);
                    }
                    if (port.containerPort == before.containerPort &&
                        protocol(port.protocol) == protocol(before.protocol)) {
                        TextBuilder text = item(".ports", i, ": port ");
                        text << port.containerPort << '/' << protocol(port.protocol)
                             << " is exposed twice";
                        report_.add(StackRule::duplicate_container_port, text);
                    }
                }
        if (c.volumeMounts)
            for (std::size_t i = 0; i < c.volumeMounts->size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if ((*c.volumeMounts)[i].mountPath == (*c.volumeMounts)[j].mountPath) {
                        TextBuilder text = item(".volumeMounts", i, ".mountPath: ");
                        text.quoted((*c.volumeMounts)[i].mountPath) << " is mounted twice";
                        report_.add(StackRule::duplicate_mount_path, text);
                    }
        if (c.env)
            for (std::size_t i = 0; i < c.env->size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if ((*c.env)[i].name == (*c.env)[j].name) {
                        TextBuilder text = item(".env", i, ".name: ");
                        text.quoted((*c.env)[i].name)
                            << " is set twice; the pod would get one value only";
                        report_.add(StackRule::duplicate_env_var, text);
                    }
        // ValidateSecurityContext: a privileged container may escalate its privileges.
        if (c.securityContext && c.securityContext->privileged && *c.securityContext->privileged &&
            c.securityContext->allowPrivilegeEscalation &&
            !*c.securityContext->allowPrivilegeEscalation) {
            TextBuilder text = at(".securityContext.allowPrivilegeEscalation: ");
            text << "must not be false on a privileged container";
            report_.add(StackRule::privileged_container_forbids_escalation, text);
        }
        // A liveness or startup probe passes on its first success.
        for (const auto& [field, probe] : {std::pair{".livenessProbe", &c.livenessProbe},
                                           std::pair{".startupProbe", &c.startupProbe}})
            if (*probe && (*probe)->successThreshold && *(*probe)->successThreshold > 1) {
                TextBuilder text = at(field);
                text << ".successThreshold: must be 1";
                report_.add(StackRule::probe_value_out_of_range, text);
            }
    }
    static constexpr std::string_view protocol(const api::Optional<api::String>& given) {
        return given ? *given : std::string_view("TCP");
    }

    template <class ContainerPort>
    constexpr void container_port(const ContainerPort& port) {
        port_number(".containerPort", port.containerPort);
        if (port.hostPort && *port.hostPort != 0) port_number(".hostPort", *port.hostPort);
        if (port.name && !is_port_name(*port.name)) {
            TextBuilder text = at(".name: ");
            text.quoted(*port.name) << " is no port name (at most 15 lowercase alphanumerics "
                                       "or '-', with a letter)";
            report_.add(StackRule::port_name_invalid, text);
        }
        if (port.protocol) enumerated(".protocol", *port.protocol, protocols);
    }

    template <class EnvVar>
    constexpr void env_var(const EnvVar& env) {
        if (is_env_var_name(env.name)) return;
        TextBuilder text = at(".name: ");
        text.quoted(env.name)
            << " is no variable name (letters, digits, '_', '-' or '.', not starting with a digit)";
        report_.add(StackRule::env_var_name_invalid, text);
    }

    template <class VolumeMount>
    constexpr void volume_mount(const VolumeMount& mount) {
        if (is_mount_path(mount.mountPath)) return;
        TextBuilder text = at(".mountPath: ");
        text.quoted(mount.mountPath) << " is no absolute path without ':'";
        report_.add(StackRule::mount_path_invalid, text);
    }

    // ValidateVolumes: a DNS label for a name, and exactly one source.
    template <class Volume>
    constexpr void volume(const Volume& v) {
        if (!is_dns_label(v.name)) {
            TextBuilder text = at(".name: ");
            text.quoted(v.name) << " is no DNS label (at most 63 lowercase alphanumerics or '-')";
            report_.add(StackRule::volume_name_not_a_label, text);
        }
        int sources = 0;
        Volume::visit_fields(v, [&sources](const api::FieldInfo&, const auto& member) {
            if constexpr (api::is_optional<std::remove_cvref_t<decltype(member)>>)
                sources += member.set ? 1 : 0;
        });
        if (sources != 1) {
            TextBuilder text = at();
            text << ": volume ";
            text.quoted(v.name) << " has " << sources
                                << " sources; it needs exactly one (configMap, secret, "
                                   "persistentVolumeClaim, emptyDir, ...)";
            report_.add(StackRule::volume_source_count, text);
        }
    }

    // validateHandler and validateProbe: one handler, and timings the kubelet can use.
    template <class Probe>
    constexpr void probe(const Probe& p) {
        const int handlers =
            (p.exec ? 1 : 0) + (p.httpGet ? 1 : 0) + (p.tcpSocket ? 1 : 0) + (p.grpc ? 1 : 0);
        if (handlers != 1) {
            TextBuilder text = at();
            text << ": a probe has exactly one of exec, httpGet, tcpSocket and grpc, not "
                 << handlers;
            report_.add(StackRule::probe_handler_count, text);
        }
        at_least(".initialDelaySeconds", p.initialDelaySeconds, 0);
        at_least(".periodSeconds", p.periodSeconds, 1);
        at_least(".timeoutSeconds", p.timeoutSeconds, 1);
        at_least(".successThreshold", p.successThreshold, 1);
        at_least(".failureThreshold", p.failureThreshold, 1);
    }
    constexpr void at_least(std::string_view field, const api::Optional<std::int32_t>& given,
                            int least) {
        if (!given || *given >= least) return;
        TextBuilder text = at(field);
        text << ": " << static_cast<int>(*given) << " is less than " << least;
        report_.add(StackRule::probe_value_out_of_range, text);
    }

    // ValidateResourceRequirements: a request at most its limit.
    template <class Resources>
    constexpr void resources(const Resources& r) {
        if (!r.requests || !r.limits) return;
        for (const auto& request : *r.requests)
            for (const auto& limit : *r.limits)
                if (request.key == limit.key && exceeds(request.value.text, limit.value.text)) {
                    TextBuilder text = at(".requests[");
                    text << request.key << "]: " << request.value.text << " is more than its limit "
                         << limit.value.text;
                    report_.add(StackRule::request_exceeds_limit, text);
                }
    }

    // --- Services: ValidateService ------------------------------------------------------

    template <class ServiceSpec>
    constexpr void service_spec(const ServiceSpec& spec) {
        const std::string_view type = spec.type ? *spec.type : std::string_view("ClusterIP");
        if (spec.type) enumerated(".type", type, service_types);
        const bool headless = spec.clusterIP && *spec.clusterIP == "None";
        const bool node_ports = type == "NodePort" || type == "LoadBalancer";
        const std::size_t count = spec.ports ? spec.ports->size() : 0;
        if (count == 0 && !headless && type != "ExternalName") {
            TextBuilder text = at(".ports");
            text << ": a Service that is not headless needs a port";
            report_.add(StackRule::service_without_port, text);
        }
        if (headless && node_ports) {
            TextBuilder text = at(".clusterIP");
            text << ": a Service of type " << type << " cannot be headless (None)";
            report_.add(StackRule::headless_service_with_node_ports, text);
        }
        for (std::size_t i = 0; i < count; ++i) {
            const auto& port = (*spec.ports)[i];
            if (count > 1 && (!port.name || port.name->empty())) {
                TextBuilder text = item(".ports", i, ".name");
                text << ": each port of a Service with several needs a name";
                report_.add(StackRule::unnamed_port_among_several, text);
            }
            if (port.nodePort && *port.nodePort != 0 && !node_ports) {
                TextBuilder text = item(".ports", i, ".nodePort");
                text << ": a Service of type " << type
                     << " has no node ports; use type NodePort or LoadBalancer";
                report_.add(StackRule::node_port_on_cluster_ip_service, text);
            }
            for (std::size_t j = 0; j < i; ++j) {
                const auto& before = (*spec.ports)[j];
                if (port.name && before.name && !port.name->empty() && *port.name == *before.name) {
                    TextBuilder text = item(".ports", i, ".name: ");
                    text.quoted(*port.name) << " is used twice";
                    report_.add(StackRule::duplicate_service_port, text);
                }
                if (port.port == before.port &&
                    protocol(port.protocol) == protocol(before.protocol)) {
                    TextBuilder text = item(".ports", i, ".port: ");
                    text << port.port << '/' << protocol(port.protocol) << " is used twice";
                    report_.add(StackRule::duplicate_service_port, text);
                }
            }
        }
    }

    template <class ServicePort>
    constexpr void service_port(const ServicePort& port) {
        port_number(".port", port.port);
        // 0 asks for no node port, or lets the server choose one.
        if (port.nodePort && *port.nodePort != 0) port_number(".nodePort", *port.nodePort);
        if (port.name && !port.name->empty() && !is_dns_label(*port.name)) {
            TextBuilder text = at(".name: ");
            text.quoted(*port.name) << " is no DNS label (at most 63 lowercase alphanumerics "
                                       "or '-')";
            report_.add(StackRule::port_name_invalid, text);
        }
        // An empty or zero targetPort is defaulted to the port (SetDefaults_Service).
        if (port.targetPort && (port.targetPort->is_text ? !port.targetPort->text.empty()
                                                         : port.targetPort->number != 0)) {
            if (port.targetPort->is_text && !is_port_name(port.targetPort->text)) {
                TextBuilder text = at(".targetPort: ");
                text.quoted(port.targetPort->text) << " is no port name (at most 15 lowercase "
                                                      "alphanumerics or '-', with a letter)";
                report_.add(StackRule::port_name_invalid, text);
            }
            if (!port.targetPort->is_text)
                port_number(".targetPort", static_cast<std::int64_t>(port.targetPort->number));
        }
        if (port.protocol) enumerated(".protocol", *port.protocol, protocols);
    }

    // --- storage, ingresses, workloads, autoscalers, budgets ----------------------------

    // A resource map (a claim's requests, a volume's capacity) with a storage entry.
    template <class Map>
    static constexpr bool has_storage(const Map& resources) {
        if (resources)
            for (const auto& entry : *resources)
                if (entry.key == "storage") return true;
        return false;
    }

    // ValidatePersistentVolumeClaimSpec: a storage request and access modes.
    template <class ClaimSpec>
    constexpr void claim_spec(const ClaimSpec& spec) {
        if (!spec.resources || !has_storage(spec.resources->requests)) {
            TextBuilder text = at(".resources.requests");
            text << ": a claim asks for a storage size (storage: 1Gi)";
            report_.add(StackRule::claim_without_size, text);
        }
        if (!spec.accessModes || spec.accessModes->empty()) {
            TextBuilder text = at(".accessModes");
            text << ": a claim needs an access mode (ReadWriteOnce, ...)";
            report_.add(StackRule::claim_without_access_mode, text);
        } else {
            for (std::size_t i = 0; i < spec.accessModes->size(); ++i) {
                push("accessModes");
                push({}, static_cast<int>(i));
                enumerated({}, (*spec.accessModes)[i], access_modes);
                pop();
                pop();
            }
        }
    }

    // ValidatePersistentVolumeSpec: a capacity and access modes.
    template <class VolumeSpec>
    constexpr void volume_spec(const VolumeSpec& spec) {
        if (!has_storage(spec.capacity)) {
            TextBuilder text = at(".capacity");
            text << ": a PersistentVolume has a storage capacity (storage: 10Gi)";
            report_.add(StackRule::persistent_volume_incomplete, text);
        }
        if (!spec.accessModes || spec.accessModes->empty()) {
            TextBuilder text = at(".accessModes");
            text << ": a PersistentVolume needs an access mode (ReadWriteOnce, ...)";
            report_.add(StackRule::persistent_volume_incomplete, text);
        }
    }

    // validateHTTPIngressRuleValue: a known pathType, and an absolute path: always for
    // Exact and Prefix, and for ImplementationSpecific when it has one.
    template <class Path>
    constexpr void ingress_path(const Path& path) {
        enumerated(".pathType", path.pathType, path_types);
        const std::string_view given = path.path ? *path.path : std::string_view();
        const bool required = path.pathType == "Exact" || path.pathType == "Prefix";
        if (given.starts_with('/') || (given.empty() && !required)) return;
        TextBuilder text = at(".path: ");
        text.quoted(given) << " is no absolute path";
        report_.add(StackRule::ingress_path_invalid, text);
    }

    // ValidateIPBlock: a CIDR, and exceptions inside it.
    template <class IPBlock>
    constexpr void ip_block(const IPBlock& block) {
        if (!is_cidr(block.cidr)) {
            TextBuilder text = at(".cidr: ");
            text.quoted(block.cidr) << " is no CIDR (10.0.0.0/16, fd00::/8)";
            report_.add(StackRule::cidr_invalid, text);
            return;
        }
        if (block.except)
            for (std::size_t i = 0; i < block.except->size(); ++i)
                if (!is_cidr((*block.except)[i]) ||
                    !is_cidr_inside(block.cidr, (*block.except)[i])) {
                    TextBuilder text = item(".except", i, ": ");
                    text.quoted((*block.except)[i]) << " is no CIDR inside " << block.cidr;
                    report_.add(StackRule::cidr_invalid, text);
                }
    }

    // ValidateNetworkPolicyPort: a protocol, a port by number or name, an endPort after it.
    template <class PolicyPort>
    constexpr void policy_port(const PolicyPort& port) {
        if (port.protocol) enumerated(".protocol", *port.protocol, protocols);
        if (!port.port) return;
        if (port.port->is_text) {
            if (!is_port_name(port.port->text)) {
                TextBuilder text = at(".port: ");
                text.quoted(port.port->text) << " is no port name (at most 15 lowercase "
                                                "alphanumerics or '-', with a letter)";
                report_.add(StackRule::port_name_invalid, text);
            }
            return;
        }
        port_number(".port", port.port->number);
        if (port.endPort && *port.endPort < port.port->number) {
            TextBuilder text = at(".endPort: ");
            text << static_cast<int>(*port.endPort) << " is below port "
                 << static_cast<int>(port.port->number);
            report_.add(StackRule::port_out_of_range, text);
        }
    }

    // ValidatePolicyRule: verbs, and resources or non-resource URLs to apply them to.
    template <class PolicyRule>
    constexpr void policy_rule(const PolicyRule& rule) {
        const bool has_resources = rule.resources && !rule.resources->empty();
        const bool has_urls = rule.nonResourceURLs && !rule.nonResourceURLs->empty();
        if (!rule.verbs.empty() && (has_resources || has_urls)) return;
        TextBuilder text = at();
        text << (rule.verbs.empty() ? ": a rule needs at least one verb"
                                    : ": a rule needs resources or nonResourceURLs");
        report_.add(StackRule::policy_rule_incomplete, text);
    }

    // ValidateIngressSpec: rules or a default backend.
    template <class IngressSpec>
    constexpr void ingress_spec(const IngressSpec& spec) {
        if ((spec.rules && !spec.rules->empty()) || spec.defaultBackend) return;
        TextBuilder text = at(".rules");
        text << ": an Ingress needs a rule or a default backend";
        report_.add(StackRule::ingress_without_rules, text);
    }

    // ValidateDeploymentSpec and its kin: a selector that the template's labels match.
    template <class WorkloadSpec>
    constexpr void workload_spec(const WorkloadSpec& spec) {
        if constexpr (requires { spec.replicas; })
            if (spec.replicas && *spec.replicas < 0) {
                TextBuilder text = at(".replicas: ");
                text << static_cast<int>(*spec.replicas) << " is negative";
                report_.add(StackRule::replicas_negative, text);
            }
        restart_policy(spec.template_, "Always", "Always");
        const auto& selector = spec.selector;
        const bool empty = (!selector.matchLabels || selector.matchLabels->empty()) &&
                           (!selector.matchExpressions || selector.matchExpressions->empty());
        const auto& labels = template_labels(spec.template_);
        if (!empty && matches(selector, labels)) return;
        TextBuilder text = at(".selector");
        text << (empty ? ": the selector is empty; it must select the labels of the pod template"
                       : ": the selector does not match the labels of the pod template");
        report_.add(StackRule::selector_misses_own_pods, text);
    }
    template <class Template>
    static constexpr const auto& template_labels(const Template& given) {
        if constexpr (api::is_optional<Template>)
            return template_labels(given.value);
        else
            return given.metadata.value.labels;
    }
    template <class Selector, class Labels>
    static constexpr bool matches(const Selector& selector, const Labels& labels) {
        const auto value_of = [&labels](std::string_view key, std::string_view& found) {
            if (labels)
                for (const auto& label : *labels)
                    if (label.key == key) {
                        found = label.value;
                        return true;
                    }
            return false;
        };
        if (selector.matchLabels)
            for (const auto& wanted : *selector.matchLabels) {
                std::string_view found;
                if (!value_of(wanted.key, found) || found != wanted.value) return false;
            }
        if (selector.matchExpressions)
            for (const auto& term : *selector.matchExpressions) {
                SelectorOperator op{};
                // An unknown operator's enumeration is reported on the field.
                if (!read_selector_operator(term.operator_, op)) continue;
                std::string_view found;
                const bool present = value_of(term.key, found);
                bool listed = false;
                if (term.values)
                    for (std::string_view value : *term.values)
                        listed = listed || (present && value == found);
                if (!satisfies(op, present, listed)) return false;
            }
        return true;
    }

    // validateJobSpec: a Job's pods restart on failure or never, and say which: the
    // default, Always, is refused.
    template <class JobSpec>
    constexpr void job_spec(const JobSpec& spec) {
        restart_policy(spec.template_, "OnFailure or Never", "OnFailure", "Never");
    }
    template <class Template>
    constexpr void restart_policy(const Template& given, std::string_view allowed,
                                  std::string_view first, std::string_view second = {}) {
        if constexpr (api::is_optional<Template>) {
            if (given) restart_policy(*given, allowed, first, second);
        } else {
            const auto& policy = given.spec.value.restartPolicy;
            const std::string_view chosen = policy ? *policy : std::string_view("Always");
            if (chosen == first || (!second.empty() && chosen == second)) return;
            TextBuilder text = at(".template.spec.restartPolicy: ");
            text.quoted(chosen) << (policy ? "" : " (the default)") << " is not " << allowed
                                << ", which the pods of a " << kind_ << " need";
            report_.add(StackRule::restart_policy_invalid, text);
        }
    }

    // ValidateHorizontalPodAutoscalerSpec: 1 <= minReplicas <= maxReplicas.
    template <class AutoscalerSpec>
    constexpr void autoscaler_spec(const AutoscalerSpec& spec) {
        const int least = spec.minReplicas ? static_cast<int>(*spec.minReplicas) : 1;
        if (least >= 1 && spec.maxReplicas >= least) return;
        TextBuilder text = at();
        text << ": minReplicas " << least << " and maxReplicas "
             << static_cast<int>(spec.maxReplicas) << " need 1 <= minReplicas <= maxReplicas";
        report_.add(StackRule::autoscaler_bounds_invalid, text);
    }

    // ValidatePodDisruptionBudgetSpec: minAvailable or maxUnavailable, not both.
    template <class BudgetSpec>
    constexpr void budget_spec(const BudgetSpec& spec) {
        if (!spec.minAvailable || !spec.maxUnavailable) return;
        TextBuilder text = at();
        text << ": a budget sets minAvailable or maxUnavailable, not both";
        report_.add(StackRule::disruption_budget_both_bounds, text);
    }

    // --- metadata and selectors: ValidateLabels, ValidateAnnotations, ValidateLabelSelector

    template <class ObjectMeta>
    constexpr void object_meta(const ObjectMeta& meta) {
        if (meta.labels)
            for (const auto& label : *meta.labels)
                label_pair(".labels", label.key, label.value);
        if (meta.annotations)
            for (const auto& annotation : *meta.annotations)
                if (!is_annotation_key(annotation.key)) bad_key(".annotations", annotation.key);
    }
    template <class Selector>
    constexpr void label_selector(const Selector& selector) {
        if (selector.matchLabels)
            for (const auto& label : *selector.matchLabels)
                label_pair(".matchLabels", label.key, label.value);
        if (!selector.matchExpressions) return;
        for (std::size_t i = 0; i < selector.matchExpressions->size(); ++i) {
            const auto& term = (*selector.matchExpressions)[i];
            if (!is_label_key(term.key)) {
                TextBuilder text = item(".matchExpressions", i, ".key: ");
                text.quoted(term.key) << " is no label key";
                report_.add(StackRule::label_invalid, text);
            }
            const std::size_t values = term.values ? term.values->size() : 0;
            const bool listing = term.operator_ == "In" || term.operator_ == "NotIn";
            const bool testing = term.operator_ == "Exists" || term.operator_ == "DoesNotExist";
            if (!listing && !testing) {
                push("matchExpressions");
                push({}, static_cast<int>(i));
                enumerated(".operator", term.operator_, selector_operators);
                pop();
                pop();
            } else if (listing != (values > 0)) {
                TextBuilder text = item(".matchExpressions", i, ": operator ");
                text << term.operator_
                     << (listing ? " needs at least one value" : " takes no values");
                report_.add(StackRule::selector_term_invalid, text);
            }
        }
    }
    constexpr void label_pair(std::string_view field, std::string_view key,
                              std::string_view value) {
        if (!is_label_key(key)) bad_key(field, key);
        if (is_label_value(value)) return;
        TextBuilder text = at(field);
        text << '[' << key << "]: ";
        text.quoted(value) << " is no label value (at most 63 alphanumerics, '-', '_' or '.', "
                              "starting and ending with an alphanumeric)";
        report_.add(StackRule::label_invalid, text);
    }
    constexpr void bad_key(std::string_view field, std::string_view key) {
        TextBuilder text = at(field);
        text << ": ";
        text.quoted(key) << " is no label key (an optional DNS prefix and '/', then at most 63 "
                            "alphanumerics, '-', '_' or '.')";
        report_.add(StackRule::label_invalid, text);
    }

    // ValidateConfigMap and ValidateSecret: each key is a config key.
    template <class Config>
    constexpr void config_keys(const Config& config) {
        const auto check = [this](std::string_view field, const auto& entries) {
            if (entries)
                for (const auto& entry : *entries)
                    if (!is_config_key(entry.key)) {
                        TextBuilder text = at(field);
                        text << '[' << entry.key << "]: ";
                        text.quoted(entry.key) << " is no key (alphanumerics, '-', '_' or '.', not "
                                                  "starting with '..')";
                        report_.add(StackRule::config_key_invalid, text);
                    }
        };
        check("data", config.data);
        if constexpr (requires { config.binaryData; }) check("binaryData", config.binaryData);
        if constexpr (requires { config.stringData; }) check("stringData", config.stringData);
    }

    // --- values -------------------------------------------------------------------------

    constexpr void port_number(std::string_view field, std::int64_t number) {
        if (number >= 1 && number <= 65535) return;
        TextBuilder text = at(field);
        text << ": " << static_cast<int>(number) << " is no port number (1 to 65535)";
        report_.add(StackRule::port_out_of_range, text);
    }

    constexpr void enumerated(std::string_view field, std::string_view given,
                              const Enumeration& allowed) {
        for (std::string_view value : allowed.values)
            if (value == given) return;
        if (field.empty()) return not_one_of(given, allowed.listed);
        push(field.substr(1));
        not_one_of(given, allowed.listed);
        pop();
    }
    constexpr void not_one_of(std::string_view given, std::string_view listed) {
        TextBuilder text = at();
        text << ": ";
        text.quoted(given) << " is not one of " << listed;
        report_.add(StackRule::value_not_in_enum, text);
    }

    // --- where: the object and the path of the field the walk stands on ------------------

    struct Step {
        std::string_view field;
        int index = -1;
        std::string_view key;
    };
    static constexpr std::size_t max_depth = 40;

    constexpr void push(std::string_view field, int index = -1, std::string_view key = {}) {
        if (depth_ < max_depth) path_[depth_] = {field, index, key};
        ++depth_;
    }
    constexpr void pop() { --depth_; }

    // `Deployment "web": spec.template.spec` and then `more`, as written.
    constexpr TextBuilder at(std::string_view more = {}) const {
        TextBuilder text;
        text << kind_ << ' ';
        text.quoted(name_) << ": ";
        write_path(text, more);
        return text;
    }
    // `spec.template.spec` and then `more`, without the object.
    constexpr MessageText path_text(std::string_view more) const {
        TextBuilder text;
        write_path(text, more);
        return text.take();
    }
    constexpr void write_path(TextBuilder& text, std::string_view more) const {
        bool first = true;
        for (std::size_t i = 0; i < depth_ && i < max_depth; ++i) {
            const Step& step = path_[i];
            if (!step.field.empty()) {
                if (!first) text << '.';
                text << step.field;
            } else if (step.index >= 0) {
                text << '[' << step.index << ']';
            } else {
                text << '[' << step.key << ']';
            }
            first = false;
        }
        if (first && !more.empty() && more.front() == '.') more.remove_prefix(1);
        text << more;
    }
    // `...ports[1].name: `: an item of a list under the path.
    constexpr TextBuilder item(std::string_view list, std::size_t index,
                               std::string_view more) const {
        TextBuilder text = at(list);
        text << '[' << static_cast<int>(index) << ']' << more;
        return text;
    }

    RuleReport& report_;
    ModelFacts* facts_ = nullptr;
    std::string_view kind_;
    std::string_view name_;
    Step path_[max_depth]{};
    std::size_t depth_ = 0;
    // The claim templates of the StatefulSet being walked, which its pods mount as volumes.
    detail::List<std::string_view> claim_templates_;
};

} // namespace kubestack::detail
