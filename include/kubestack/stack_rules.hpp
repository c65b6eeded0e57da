// Whole-stack rules: the parts of a stack must fit together.
//
// check_stack() returns every violation, each with its rule and a message that names the
// resources in plain words. It is constexpr: run<> evaluates it at compile time and turns
// a violation into a build error (see report.hpp), and tests can inspect the verdict of
// hundreds of stacks in-process.
//
// The checks cost about linear time in the number of objects: objects, pod labels and
// node ports go into hash indexes, and every reference is one lookup. Comparing every
// Service with every workload, or sorting string_views, exceeds GCC's constexpr
// operation limit (33554432 steps) long before 1000 services.
#pragma once

#include <algorithm>
#include <cstdint>
#include <kubestack/detail/hash_index.hpp>
#include <kubestack/detail/list.hpp>
#include <kubestack/detail/text_builder.hpp>
#include <kubestack/message_text.hpp>
#include <kubestack/model_facts.hpp>
#include <kubestack/model_object.hpp>
#include <kubestack/object_rules.hpp>
#include <kubestack/policy_rules.hpp>
#include <kubestack/rule_report.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_kinds.hpp>
#include <kubestack/stack_view.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace kubestack {

namespace detail {

// An object's identity, and where it sits in its kind's vector.
struct ObjectKey {
    Kind kind;
    std::string_view ns;
    std::string_view name;
    std::size_t position = 0;
    // The kind's name: objects of the model (one list) differ by it.
    std::string_view kind_text = {};
};

constexpr bool same_identity(const ObjectKey& a, const ObjectKey& b) {
    return a.kind == b.kind && a.ns == b.ns && a.name == b.name && a.kind_text == b.kind_text;
}

constexpr std::uint64_t identity_hash(Kind kind, std::string_view kind_text, std::string_view ns,
                                      std::string_view name) {
    return hash_text(hash_text(hash_text(hash_seed + kind.index, kind_text), ns), name);
}

using ClaimTemplates = FixedList<ClaimTemplate, limits::claim_templates>;

// What a workload without claim templates points to. The checker never compares a pointer
// with null: the objects it reads are in the frozen stack, a static variable, and under
// -fsanitize GCC cannot compare the address of a static object with null at compile time.
inline constexpr ClaimTemplates no_claim_templates{};

struct WorkloadView {
    Kind kind;
    const ObjectMeta* meta;
    const Labels* selector;
    const PodTemplate* pod;
    const ClaimTemplates* claims; // a StatefulSet's, which its pods mount by name
};

// The claim templates of a workload that has them (StatefulSets).
template <class Object>
constexpr const ClaimTemplates& claim_templates_of(const Object& object) {
    if constexpr (requires { object.claim_templates(); })
        return object.claim_templates();
    else
        return no_claim_templates;
}

// One label of one workload's pods, for finding the pods a selector matches: a builder's
// workload (in workloads_), or pods that an object of the model makes (in model_pods_).
struct PodLabel {
    std::string_view ns, key, value;
    std::size_t workload;
    bool of_model = false;
};

// The pods of an object of the model: its position among the stack's model objects, and
// which of its pod templates.
struct ModelPodsOf {
    std::size_t object;
    std::size_t pods;
};

// The pods a selector picks: builders' workloads, and pods of model objects.
struct Selected {
    List<std::size_t> workloads;
    List<std::size_t> model_pods;
    constexpr bool empty() const { return workloads.empty() && model_pods.empty(); }
};

constexpr std::uint64_t pod_label_hash(std::string_view ns, std::string_view key,
                                       std::string_view value) {
    return hash_text(hash_text(hash_text(hash_seed, ns), key), value);
}

// Which rules a checker runs: the rules of single objects need no index of the objects or
// of their pods' labels, which the compiler would otherwise build in every part of a split
// stack for nothing.
enum class RuleScope { single_objects, whole_stack };

class StackChecker : RuleReport {
public:
    // Objects of the model are validated first: the walk that checks one also gathers the
    // pods it makes, which the index of pod labels is sized for.
    constexpr StackChecker(const StackView& stack, RuleScope scope)
        : stack_(stack)
        , scope_(scope)
        , model_facts_(check_model_objects())
        , object_index_(scope == RuleScope::whole_stack ? stack.size() : 0)
        , pod_label_index_(scope == RuleScope::whole_stack ? count_pod_labels() : 0) {}

    constexpr std::vector<Violation> run() {
        if (scope_ == RuleScope::single_objects) {
            index_workloads();
            check_objects();
            return std::move(violations_);
        }
        if (stack_.size() == 0) {
            add(StackRule::empty_stack,
                TextBuilder() << "the stack applies no object: call apply(...) on it");
            return std::move(violations_);
        }
        index_objects();
        index_workloads();
        check_objects();
        for (const Service& service : stack_.all<Service>())
            check_service(service);
        for (const Ingress& ingress : stack_.all<Ingress>())
            check_ingress(ingress);
        for (const WorkloadView& workload : workloads_) {
            check_workload(workload);
            check_seccomp_served(workload);
        }
        for (const StatefulSet& set : stack_.all<StatefulSet>())
            check_governing_service(set);
        for (const CronJob& cron_job : stack_.all<CronJob>())
            check_cron_job(cron_job);
        for (const PersistentVolumeClaim& claim : stack_.all<PersistentVolumeClaim>())
            check_claim(claim);
        for (const ClusterRoleBinding& binding : stack_.all<ClusterRoleBinding>())
            check_binding(binding);
        for (const RoleBinding& binding : stack_.all<RoleBinding>())
            check_role_binding(binding);
        for (const HorizontalPodAutoscaler& autoscaler : stack_.all<HorizontalPodAutoscaler>())
            check_autoscaler(autoscaler);
        for (const PodDisruptionBudget& budget : stack_.all<PodDisruptionBudget>())
            check_pod_selector(kind_of<PodDisruptionBudget>, budget.metadata(), budget.selector(),
                               StackRule::disruption_budget_selects_no_pod);
        for (const NetworkPolicy& policy : stack_.all<NetworkPolicy>())
            check_pod_selector(kind_of<NetworkPolicy>, policy.metadata(), policy.selector(),
                               StackRule::network_policy_selects_no_pod);
        check_model_selections();
        check_model_references();
        check_node_ports();
        check_api_versions();
        if (stack_.policy().chosen())
            check_policy(*this, stack_);
        else
            report_waivers_without_policy();
        return std::move(violations_);
    }

private:
    // A stack that selects no policy checks nothing, so each of its waivers waives nothing.
    constexpr void report_waivers_without_policy() {
        for_each_kind([&]<class Object>() {
            for (const Object& object : stack_.all<Object>())
                if (!object.metadata().waivers.empty())
                    add(StackRule::waiver_waives_nothing,
                        describe(object) << " waives a policy check, but the stack selects no "
                                            "policy: remove the waiver, or select one with "
                                            "stack().policy(policies::recommended)");
        });
        if (!stack_.policy().waivers().empty())
            add(StackRule::waiver_waives_nothing,
                TextBuilder() << "the stack waives a policy check, but selects no policy: "
                                 "remove the waiver, or select one with "
                                 "stack().policy(policies::recommended)");
    }

    // --- indexes -------------------------------------------------------------------

    // Indexes every object by identity, reporting an identity seen before (rule 8).
    template <class Object>
    constexpr void index(Kind kind, std::span<const Object> objects) {
        for (std::size_t i = 0; i < objects.size(); ++i) {
            const ObjectMeta& meta = objects[i].metadata();
            const std::string_view kind_text = kind_text_of(objects[i]);
            const ObjectKey key{kind, meta.ns, meta.name, i, kind_text};
            const std::uint64_t hash = identity_hash(kind, kind_text, meta.ns, meta.name);
            if (object_index_.find_if(
                    hash, [&](std::size_t item) { return same_identity(keys_[item], key); })) {
                TextBuilder text = describe(objects[i]);
                text << " is declared more than once";
                if (!meta.ns.empty()) in_namespace(text, meta.ns);
                add(StackRule::duplicate_object, text);
            }
            object_index_.insert(hash, keys_.size());
            keys_.push_back(key);
            if (meta.created_elsewhere)
                add(StackRule::created_elsewhere_but_applied,
                    describe(objects[i])
                        << " is marked createdElsewhere(), so the stack must not apply it");
        }
    }

    // The kind's name, which an object of the model says itself.
    template <class Object>
    static constexpr std::string_view kind_text_of(const Object& object) {
        if constexpr (requires { object.kind(); })
            return object.kind();
        else
            return kind_name(kind_of<Object>);
    }

    constexpr void index_objects() {
        for_each_kind([&]<class Object>() { index(kind_of<Object>, stack_.all<Object>()); });
        // Once every object is indexed: a Namespace of the model may come after the objects
        // placed in it.
        for_each_kind([&]<class Object>() {
            for (const Object& object : stack_.all<Object>())
                check_namespace(kind_text_of(object), object.metadata());
        });
    }

    constexpr std::size_t count_pod_labels() const {
        std::size_t count = 0;
        for_each_kind([&]<class Object>() {
            if constexpr (WorkloadKind<Object>)
                for (const Object& workload : stack_.all<Object>())
                    count += workload.pod().labels.size();
        });
        for (const ModelFacts& facts : model_facts_)
            for (const ModelPods& pods : facts.pods)
                count += pods.labels.size();
        return count;
    }

    constexpr List<ModelFacts> check_model_objects() {
        List<ModelFacts> facts;
        for (const ModelObject& object : stack_.all<ModelObject>()) {
            facts.push_back({});
            object.check(*this, &facts.back());
        }
        return facts;
    }

    template <class Object>
    constexpr void index_workloads(Kind kind, std::span<const Object> objects) {
        for (const Object& object : objects) {
            const std::size_t id = workloads_.size();
            workloads_.push_back({kind, &object.metadata(), &object.selector(), &object.pod(),
                                  &claim_templates_of(object)});
            if (scope_ == RuleScope::single_objects) continue;
            for (const Label& label : object.pod().labels) {
                pod_label_index_.insert(pod_label_hash(object.ns(), label.key, label.value),
                                        pod_labels_.size());
                pod_labels_.push_back({object.ns(), label.key, label.value, id});
            }
        }
    }

    constexpr void index_workloads() {
        for_each_kind([&]<class Object>() {
            if constexpr (WorkloadKind<Object>)
                index_workloads(kind_of<Object>, stack_.all<Object>());
        });
        if (scope_ == RuleScope::single_objects) return;
        for (std::size_t object = 0; object < model_facts_.size(); ++object) {
            const std::string_view ns = pods_namespace(stack_.all<ModelObject>()[object]);
            for (std::size_t pods = 0; pods < model_facts_[object].pods.size(); ++pods) {
                for (const Label& label : model_facts_[object].pods[pods].labels) {
                    pod_label_index_.insert(pod_label_hash(ns, label.key, label.value),
                                            pod_labels_.size());
                    pod_labels_.push_back({ns, label.key, label.value, model_pods_.size(), true});
                }
                model_pods_.push_back({object, pods});
            }
        }
    }

    // Where the pods of an object of the model are, and where it picks them: an object
    // that names no namespace goes where kubectl applies it, as builders' objects of a
    // stack().withoutNamespaces() do, and the rules see both in "default".
    static constexpr std::string_view pods_namespace(const ModelObject& object) {
        return object.ns().empty() ? default_namespace : object.ns();
    }

    constexpr const ModelPods& model_pods(std::size_t id) const {
        return model_facts_[model_pods_[id].object].pods[model_pods_[id].pods];
    }
    constexpr const ModelObject& model_owner(std::size_t id) const {
        return stack_.all<ModelObject>()[model_pods_[id].object];
    }

    // The position of the object in its kind's list, or npos.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    // kind_text tells objects of the model apart (kind_of<ModelObject>, "Namespace").
    constexpr std::size_t find(Kind kind, std::string_view ns, std::string_view name,
                               std::string_view kind_text = {}) const {
        if (kind_text.empty()) kind_text = kind_name(kind);
        const ObjectKey wanted{kind, ns, name, 0, kind_text};
        std::size_t position = npos;
        object_index_.find_if(identity_hash(kind, kind_text, ns, name), [&](std::size_t item) {
            if (!same_identity(keys_[item], wanted)) return false;
            position = keys_[item].position;
            return true;
        });
        return position;
    }

    // --- rules ---------------------------------------------------------------------

    // Each object on its own, as the API server validates it.
    constexpr void check_objects() {
        ObjectRules rules(*this);
        for_each_kind([&]<class Object>() {
            for (const Object& object : stack_.all<Object>())
                if (!object.metadata().broken.empty())
                    rules.report_builder_rule(describe(object), object.metadata().broken);
        });
        for (const WorkloadView& workload : workloads_)
            rules.check_pod(workload.kind, *workload.meta, *workload.pod);
        for (const StatefulSet& set : stack_.all<StatefulSet>())
            rules.check(set);
        for (const Service& service : stack_.all<Service>())
            rules.check(service);
        for (const Ingress& ingress : stack_.all<Ingress>())
            rules.check(ingress);
        for (const PersistentVolumeClaim& claim : stack_.all<PersistentVolumeClaim>())
            rules.check(claim);
    }

    // A namespaced object needs its namespace: one the stack creates (with namespace_(...)
    // or as an object of the model), a built-in one, or one placed with
    // inNamespace(namespace_(...).createdElsewhere()). Each missing namespace is reported
    // once, with the first object placed in it.
    constexpr void check_namespace(std::string_view kind_text, const ObjectMeta& meta) {
        if (meta.ns.empty() || is_built_in_namespace(meta.ns) || meta.namespace_created_elsewhere ||
            find(kind_of<Namespace>, {}, meta.ns) != npos ||
            find(kind_of<ModelObject>, {}, meta.ns, "Namespace") != npos)
            return;
        for (std::string_view ns : missing_namespaces_)
            if (ns == meta.ns) return;
        missing_namespaces_.push_back(meta.ns);
        TextBuilder text;
        text << kind_text << ' ';
        text.names(meta.written_at);
        text.quoted(meta.name) << " is in namespace ";
        text.quoted(meta.ns) << ", which the stack does not create: apply namespace_(\"" << meta.ns
                             << "\"), or place it with inNamespace(namespace_(\"" << meta.ns
                             << "\").createdElsewhere())";
        add(StackRule::namespace_missing, text);
    }

    static constexpr bool is_built_in_namespace(std::string_view ns) {
        return ns == "default" || ns == "kube-system" || ns == "kube-public" ||
               ns == "kube-node-lease";
    }

    constexpr void check_service(const Service& service) {
        const ObjectMeta& meta = service.metadata();
        const Labels& selector = service.selector();
        if (selector.empty()) return; // endpoints managed by hand
        const Selected selected = select_pods(meta.ns, selector);
        if (!check_selection(kind_of<Service>, meta, selector, selected,
                             StackRule::service_selects_no_pod))
            return;
        for (const ServicePort& port : service.ports()) {
            const Exposure exposed = exposure(selected, effective_target(port), port.protocol);
            if (exposed == Exposure::other_protocol) {
                TextBuilder text = describe(kind_of<Service>, meta);
                text << " port ";
                text.quoted(port.name.empty() ? port.target.name : port.name)
                    << " is " << to_string(port.protocol) << ", but container port ";
                text.quoted(port.target.name) << " of ";
                describe_first(text, selected);
                text << " is not: the Service would have no endpoint";
                add(StackRule::target_port_protocol_mismatch, text);
            }
            if (exposed == Exposure::none) {
                TextBuilder text = describe(kind_of<Service>, meta);
                text << " port ";
                if (port.name.empty())
                    text << port.port;
                else
                    text.quoted(port.name);
                text << " targets container port ";
                if (effective_target(port).name.empty())
                    text << effective_target(port).number;
                else
                    text.quoted(port.target.name);
                text << ", which no container of the pods it selects (";
                describe_first(text, selected);
                text << ") exposes";
                add(StackRule::target_port_not_exposed, text);
            }
        }
    }

    constexpr Selected select_pods(std::string_view ns, const Labels& selector) const {
        // Candidates carry the selector's first label; each is checked for the rest.
        Selected selected;
        const Label& first = *selector.begin();
        pod_label_index_.find_if(pod_label_hash(ns, first.key, first.value), [&](std::size_t item) {
            const PodLabel& label = pod_labels_[item];
            if (label.ns != ns || label.key != first.key || label.value != first.value)
                return false;
            if (!label.of_model) {
                if (workloads_[label.workload].pod->labels.includes(selector))
                    selected.workloads.push_back(label.workload);
                return false;
            }
            if (carries_all(model_pods(label.workload).labels, selector))
                selected.model_pods.push_back(label.workload);
            return false;
        });
        return selected;
    }

    // The pods that a selector of the model picks. Candidates carry a value of its first In
    // term; a selector without one (NotIn, Exists) is checked against every pod of the
    // namespace.
    constexpr Selected select_pods(std::string_view ns, const List<SelectorTerm>& terms) const {
        Selected selected;
        const auto pick = [&](const PodLabel& label) {
            if (label.of_model) {
                if (matches_all(terms, model_pods(label.workload).labels))
                    selected.model_pods.push_back(label.workload);
            } else if (matches_all(terms, workloads_[label.workload].pod->labels)) {
                selected.workloads.push_back(label.workload);
            }
        };
        for (const SelectorTerm& term : terms) {
            if (term.op != SelectorOperator::In) continue;
            for (std::string_view value : term.values)
                pod_label_index_.find_if(pod_label_hash(ns, term.key, value), [&](std::size_t i) {
                    const PodLabel& label = pod_labels_[i];
                    if (label.ns == ns && label.key == term.key && label.value == value)
                        pick(label);
                    return false;
                });
            return selected;
        }
        for (std::size_t id = 0; id < workloads_.size(); ++id)
            if (workloads_[id].meta->ns == ns && matches_all(terms, workloads_[id].pod->labels))
                selected.workloads.push_back(id);
        for (std::size_t id = 0; id < model_pods_.size(); ++id)
            if (pods_namespace(model_owner(id)) == ns && matches_all(terms, model_pods(id).labels))
                selected.model_pods.push_back(id);
        return selected;
    }

    // The first object whose pods a selector picks, for messages.
    constexpr void describe_first(TextBuilder& text, const Selected& selected) const {
        if (!selected.workloads.empty()) {
            describe_into(text, workloads_[selected.workloads.front()].kind,
                          *workloads_[selected.workloads.front()].meta);
            return;
        }
        const ModelObject& owner = model_owner(selected.model_pods.front());
        text << owner.kind() << ' ';
        text.quoted(owner.name());
        text.names(owner.metadata().written_at);
    }

    // A port with no targetPort forwards to its own number.
    static constexpr TargetPort effective_target(const ServicePort& port) {
        if (port.target.name.empty() && port.target.number == 0) {
            TargetPort same;
            same.number = port.port;
            return same;
        }
        return port.target;
    }

    enum class Exposure { none, other_protocol, exposed };

    // Whether a selected pod has the container port a Service port targets. A named target
    // must also match the protocol: kube-proxy only forwards to a port of the same protocol.
    constexpr Exposure exposure(const Selected& selected, const TargetPort& target,
                                Protocol protocol) const {
        Exposure found = Exposure::none;
        for (std::size_t id : selected.model_pods)
            for (const ModelContainerPort& p : model_pods(id).ports) {
                if (target.name.empty() ? p.number != target.number : p.name != target.name)
                    continue;
                if (target.name.empty() || p.protocol == to_string(protocol))
                    return Exposure::exposed;
                found = Exposure::other_protocol;
            }
        for (std::size_t id : selected.workloads)
            for (const Container& c : workloads_[id].pod->containers)
                for (const ContainerPort& p : c.ports()) {
                    if (target.name.empty() ? p.number != target.number : p.name != target.name)
                        continue;
                    if (target.name.empty() || p.protocol == protocol) return Exposure::exposed;
                    found = Exposure::other_protocol;
                }
        return found;
    }

    constexpr void check_ingress(const Ingress& ingress) {
        const ObjectMeta& meta = ingress.metadata();
        for (const IngressTls& tls : ingress.tls_entries())
            if (!tls.secret_created_elsewhere &&
                find(kind_of<Secret>, meta.ns, tls.secret) == npos) {
                TextBuilder text = describe(kind_of<Ingress>, meta);
                text << " terminates TLS with Secret ";
                text.quoted(tls.secret) << ", which namespace ";
                text.quoted(meta.ns) << " does not have (mark it createdElsewhere() if "
                                     << "cert-manager or another team makes it)";
                add(StackRule::ingress_tls_secret_missing, text);
            }
        for (const IngressRoute& route : ingress.routes()) {
            if (route.service_created_elsewhere) continue;
            const std::size_t found = find(kind_of<Service>, meta.ns, route.service);
            if (found == npos) {
                TextBuilder text = describe(kind_of<Ingress>, meta);
                text << " routes " << route.host << route.path << " to Service ";
                text.quoted(route.service) << ", which namespace ";
                text.quoted(meta.ns) << " does not have";
                add(StackRule::ingress_backend_missing, text);
                continue;
            }
            const auto& ports = stack_.all<Service>()[found].ports();
            if (ports.empty()) {
                TextBuilder text = describe(kind_of<Ingress>, meta);
                text << " routes " << route.host << route.path << " to Service ";
                text.quoted(route.service) << ", which defines no port";
                add(StackRule::ingress_port_missing, text);
                continue;
            }
            bool defined = false;
            for (const ServicePort& p : ports)
                defined = defined || p.port == route.port;
            if (!defined) {
                TextBuilder text = describe(kind_of<Ingress>, meta);
                text << " routes " << route.host << route.path << " to port " << route.port
                     << " of Service ";
                text.quoted(route.service) << ", which that Service does not define";
                add(StackRule::ingress_port_missing, text);
            }
        }
    }

    constexpr void check_workload(const WorkloadView& workload) {
        const ObjectMeta& meta = *workload.meta;
        if (!workload.pod->labels.includes(*workload.selector)) {
            TextBuilder text = describe(workload.kind, meta);
            text << " selects ";
            write_labels(text, *workload.selector);
            if (workload.pod->spread_over_nodes && workload.pod->anti_affinity_terms.empty())
                text << " (also its anti-affinity term)";
            text << ", which its own pod template does not carry";
            add(StackRule::selector_misses_own_pods, text);
        }
        const PodTemplate& pod = *workload.pod;
        if (pod.spread_over_nodes && !pod.anti_affinity_terms.empty()) {
            bool matches_own_pods = true;
            for (const LabelRequirement& term : pod.anti_affinity_terms)
                matches_own_pods = matches_own_pods && term.matches(pod.labels);
            if (!matches_own_pods) {
                TextBuilder text = describe(workload.kind, meta);
                text << " spreads its pods with anti-affinity term";
                for (const LabelRequirement& term : pod.anti_affinity_terms) {
                    text << ' ' << term.key << ' ' << to_string(term.op);
                    if (!term.values.empty()) {
                        text << " (";
                        for (std::size_t i = 0; i < term.values.size(); ++i)
                            text << (i == 0 ? "" : ",") << term.values[i];
                        text << ')';
                    }
                }
                text << ", which its own pods (";
                write_labels(text, pod.labels);
                text << ") do not match, so it keeps nothing apart";
                add(StackRule::anti_affinity_misses_own_pods, text);
            }
        }
        if (!pod.service_account.empty() && !pod.service_account_created_elsewhere &&
            find(kind_of<ServiceAccount>, meta.ns, pod.service_account) == npos) {
            TextBuilder text = describe(workload.kind, meta);
            text << " runs as ServiceAccount ";
            text.quoted(pod.service_account) << ", which namespace ";
            text.quoted(meta.ns) << " does not have";
            add(StackRule::service_account_missing, text);
        }
        const auto volumes = pod.volumes();
        for (const Container& c : pod.containers) {
            for (const EnvVar& var : c.env())
                if (var.from_key)
                    check_data_reference(workload, var.key.source, var.key.object, var.key.ns,
                                         var.key.created_elsewhere, var.key.key);
            for (const DataRef& source : c.env_from())
                check_data_reference(workload, source.source, source.object, source.ns,
                                     source.created_elsewhere, {});
            for (const VolumeMount& mount : c.mounts()) {
                bool defined = is_claim_template(workload, mount.volume);
                for (const Volume& v : volumes)
                    defined = defined || v.name == mount.volume;
                if (!defined) {
                    TextBuilder text = describe(workload.kind, meta);
                    text << " mounts volume ";
                    text.quoted(mount.volume)
                        << " at " << mount.path << ", which its pod does not define";
                    add(StackRule::volume_not_defined, text);
                }
            }
        }
        for (const ClaimTemplate& claim : *workload.claims)
            if (!mounts_volume(pod, claim.name)) {
                TextBuilder text = describe(workload.kind, meta);
                text << " has claim template ";
                text.quoted(claim.name) << ", which none of its containers mounts: add "
                                        << "mount(\"" << claim.name << "\", <path>)";
                add(StackRule::claim_template_not_mounted, text);
            }
        for (const Volume& v : volumes) {
            if (v.created_elsewhere) continue;
            if (v.source == VolumeSource::PersistentVolumeClaim &&
                find(kind_of<PersistentVolumeClaim>, meta.ns, v.reference) == npos) {
                TextBuilder text = describe(workload.kind, meta);
                text << " mounts PersistentVolumeClaim ";
                text.quoted(v.reference) << ", which namespace ";
                text.quoted(meta.ns) << " does not have";
                add(StackRule::claim_missing, text);
            }
            if (v.source == VolumeSource::ConfigMap || v.source == VolumeSource::Secret)
                check_data_reference(workload,
                                     v.source == VolumeSource::Secret ? DataSource::Secret
                                                                      : DataSource::ConfigMap,
                                     v.reference, meta.ns, false, {});
        }
    }

    static constexpr bool is_claim_template(const WorkloadView& workload, std::string_view name) {
        for (const ClaimTemplate& claim : *workload.claims)
            if (claim.name == name) return true;
        return false;
    }

    static constexpr bool mounts_volume(const PodTemplate& pod, std::string_view name) {
        for (const Container& c : pod.containers)
            for (const VolumeMount& mount : c.mounts())
                if (mount.volume == name) return true;
        return false;
    }

    // A StatefulSet's serviceName: a headless Service of its namespace that selects its
    // pods, which gives each pod its DNS name.
    constexpr void check_governing_service(const StatefulSet& set) {
        if (set.service_name().empty()) return;
        const ObjectMeta& meta = set.metadata();
        const std::size_t found = find(kind_of<Service>, meta.ns, set.service_name());
        TextBuilder text = describe(kind_of<StatefulSet>, meta);
        text << " is governed by Service ";
        text.quoted(set.service_name());
        if (found == npos) {
            text << " (its serviceName), which namespace ";
            text.quoted(meta.ns) << " does not have";
            add(StackRule::stateful_set_service_missing, text);
            return;
        }
        const Service& service = stack_.all<Service>()[found];
        if (!service.headless_service()) {
            text << ", which is not headless: call headless() on it, so that it gives each pod "
                    "a DNS name (clusterIP: None)";
            add(StackRule::stateful_set_service_not_headless, text);
            return;
        }
        if (service.selector().empty() || !set.pod().labels.includes(service.selector())) {
            text << ", which does not select its pods (";
            write_labels(text, set.pod().labels);
            text << ')';
            if (!service.selector().empty()) {
                text << ": it selects ";
                write_labels(text, service.selector());
            }
            add(StackRule::stateful_set_service_misses_pods, text);
        }
    }

    // seccompProfile is a field from 1.19 on; older API servers drop it, and kubectl's
    // validation refuses it. The hardened profile writes it too.
    constexpr void check_seccomp_served(const WorkloadView& workload) {
        const KubernetesVersion target = stack_.target();
        if (!(target < seccomp_profile_since)) return;
        const PodTemplate& pod = *workload.pod;
        bool written = pod.effective_security().seccomp().has_value();
        for (const Container& c : pod.containers)
            written = written || pod.effective_security(c).seccomp().has_value();
        if (!written) return;
        TextBuilder text = describe(workload.kind, *workload.meta);
        text << " sets a seccompProfile (or is hardened()), which Kubernetes " << target.major
             << '.' << target.minor
             << " does not serve (a field from 1.19): target 1.19 or later, or leave it out";
        add(StackRule::seccomp_profile_not_served, text);
    }

    constexpr void check_cron_job(const CronJob& cron_job) {
        const ObjectMeta& meta = cron_job.metadata();
        if (cron_job.schedule().empty())
            add(StackRule::cron_job_schedule_missing,
                describe(kind_of<CronJob>, meta)
                    << R"( has no schedule: give it one, such as schedule("0 3 * * *"))");
        // Before 1.25 the field is behind an alpha feature gate, and dropped without a word.
        const KubernetesVersion target = stack_.target();
        if (!cron_job.time_zone().empty() && target < cron_job_time_zone_since) {
            TextBuilder text = describe(kind_of<CronJob>, meta);
            text << " sets timeZone " << cron_job.time_zone() << ", which Kubernetes "
                 << target.major << '.' << target.minor
                 << " ignores (served from 1.25): write the schedule in the controller's time "
                    "zone instead";
            add(StackRule::cron_job_time_zone_not_served, text);
        }
    }

    // A ConfigMap or Secret that a pod reads: it must be in the pod's namespace, in the
    // stack, and define the key when one is named.
    constexpr void check_data_reference(const WorkloadView& workload, DataSource source,
                                        std::string_view object, std::string_view object_ns,
                                        bool created_elsewhere, std::string_view key) {
        if (created_elsewhere) return;
        const ObjectMeta& meta = *workload.meta;
        const Kind kind = source == DataSource::Secret ? kind_of<Secret> : kind_of<ConfigMap>;
        if (object_ns != meta.ns) {
            TextBuilder text = describe(workload.kind, meta);
            text << " reads " << kind_name(kind) << ' ';
            text.quoted(object) << " of namespace ";
            text.quoted(object_ns) << ", but its pods only see namespace ";
            text.quoted(meta.ns);
            add(StackRule::config_in_other_namespace, text);
            return;
        }
        const std::size_t found = find(kind, meta.ns, object);
        if (found == npos) {
            TextBuilder text = describe(workload.kind, meta);
            text << " reads " << kind_name(kind) << ' ';
            text.quoted(object) << ", which namespace ";
            text.quoted(meta.ns) << " does not have";
            add(StackRule::config_missing, text);
            return;
        }
        if (key.empty()) return;
        const auto& entries = kind == kind_of<Secret> ? stack_.all<Secret>()[found].entries()
                                                      : stack_.all<ConfigMap>()[found].entries();
        if (!entries.contains(key)) {
            TextBuilder text = describe(workload.kind, meta);
            text << " reads key ";
            text.quoted(key) << " of " << kind_name(kind) << ' ';
            text.quoted(object) << ", which defines no such key";
            add(StackRule::config_key_missing, text);
        }
    }

    constexpr void check_claim(const PersistentVolumeClaim& claim) {
        if (claim.volume_name().empty() || claim.volume_created_elsewhere()) return;
        const ObjectMeta& meta = claim.metadata();
        const std::size_t found = find(kind_of<PersistentVolume>, {}, claim.volume_name());
        if (found == npos) {
            TextBuilder text = describe(kind_of<PersistentVolumeClaim>, meta);
            text << " is bound to PersistentVolume ";
            text.quoted(claim.volume_name()) << ", which the stack does not have";
            add(StackRule::bound_volume_missing, text);
            return;
        }
        const StorageTerms& wanted = claim.terms();
        const StorageTerms& offered = stack_.all<PersistentVolume>()[found].terms();
        const auto disagree = [&](std::string_view what, std::string_view asked,
                                  std::string_view given) {
            TextBuilder text = describe(kind_of<PersistentVolumeClaim>, meta);
            text << " asks for " << what << ' ' << (asked.empty() ? "(none)" : asked)
                 << " but PersistentVolume ";
            text.quoted(claim.volume_name()) << " offers " << (given.empty() ? "(none)" : given);
            add(StackRule::claim_disagrees_with_volume, text);
        };
        if (wanted.storage_class != offered.storage_class)
            disagree("storage class", wanted.storage_class, offered.storage_class);
        if (byte_count(wanted.size) > byte_count(offered.size))
            disagree("a size of", wanted.size, offered.size);
        for (AccessMode mode : wanted.access_modes)
            if (std::find(offered.access_modes.begin(), offered.access_modes.end(), mode) ==
                offered.access_modes.end())
                disagree("access mode", to_string(mode), "other modes only");
    }

    constexpr void check_binding(const ClusterRoleBinding& binding) {
        const ObjectMeta& meta = binding.metadata();
        if (!binding.role_created_elsewhere() &&
            find(kind_of<ClusterRole>, {}, binding.role_name()) == npos) {
            TextBuilder text = describe(kind_of<ClusterRoleBinding>, meta);
            text << " grants ClusterRole ";
            text.quoted(binding.role_name()) << ", which the stack does not have";
            add(StackRule::role_missing, text);
        }
        for (const Subject& subject : binding.subjects())
            if (!subject.created_elsewhere &&
                find(kind_of<ServiceAccount>, subject.ns, subject.name) == npos) {
                TextBuilder text = describe(kind_of<ClusterRoleBinding>, meta);
                text << " grants its role to ServiceAccount ";
                text.quoted(subject.name) << ", which namespace ";
                text.quoted(subject.ns) << " does not have";
                add(StackRule::subject_missing, text);
            }
    }

    // A RoleBinding grants a Role of its own namespace, or a ClusterRole.
    constexpr void check_role_binding(const RoleBinding& binding) {
        const ObjectMeta& meta = binding.metadata();
        const RoleRef& role = binding.role_ref();
        const bool cluster_role = role.is_cluster_role();
        if (!role.created_elsewhere &&
            find(cluster_role ? kind_of<ClusterRole> : kind_of<Role>,
                 cluster_role ? std::string_view{} : meta.ns, role.name) == npos) {
            TextBuilder text = describe(kind_of<RoleBinding>, meta);
            text << " grants " << role.kind << ' ';
            text.quoted(role.name);
            if (cluster_role) {
                text << ", which the stack does not have";
            } else {
                text << ", which namespace ";
                text.quoted(meta.ns) << " does not have";
            }
            add(StackRule::role_missing, text);
        }
        for (const Subject& subject : binding.subjects())
            if (!subject.created_elsewhere &&
                find(kind_of<ServiceAccount>, subject.ns, subject.name) == npos) {
                TextBuilder text = describe(kind_of<RoleBinding>, meta);
                text << " grants its role to ServiceAccount ";
                text.quoted(subject.name) << ", which namespace ";
                text.quoted(subject.ns) << " does not have";
                add(StackRule::subject_missing, text);
            }
    }

    // The stack kind with this name (WorkloadRef::kind), or npos's kind.
    static constexpr Kind kind_named(std::string_view name) {
        Kind found{StackKinds::size};
        for_each_kind([&]<class Object>() {
            if (kind_info<Object>.kind == name) found = kind_of<Object>;
        });
        return found;
    }

    // An autoscaler scales a workload of its namespace, up to a maximum; it owns that
    // workload's replica count, so the workload must not write one (each `kubectl apply`
    // would reset what the autoscaler chose).
    constexpr void check_autoscaler(const HorizontalPodAutoscaler& autoscaler) {
        const ObjectMeta& meta = autoscaler.metadata();
        if (autoscaler.max_replicas() == 0) {
            TextBuilder text = describe(kind_of<HorizontalPodAutoscaler>, meta);
            text << " has no maximum: call maxReplicas(n)";
            add(StackRule::autoscaler_max_replicas_missing, text);
        }
        const WorkloadRef& target = autoscaler.target();
        if (target.empty()) {
            TextBuilder text = describe(kind_of<HorizontalPodAutoscaler>, meta);
            text << " scales no workload: call scales(workload)";
            add(StackRule::autoscaler_target_missing, text);
            return;
        }
        if (target.created_elsewhere) return;
        const Kind kind = kind_named(target.kind);
        const std::size_t found =
            kind.index == StackKinds::size ? npos : find(kind, meta.ns, target.name);
        if (found == npos) {
            TextBuilder text = describe(kind_of<HorizontalPodAutoscaler>, meta);
            text << " scales " << target.kind << ' ';
            text.quoted(target.name) << ", which namespace ";
            text.quoted(meta.ns) << " does not have";
            add(StackRule::autoscaler_target_missing, text);
            return;
        }
        for_each_kind([&]<class Object>() {
            if constexpr (requires(const Object& scaled) { scaled.replicas_given(); })
                if (kind == kind_of<Object> && stack_.all<Object>()[found].replicas_given()) {
                    TextBuilder text = describe(kind, stack_.all<Object>()[found].metadata());
                    text << " sets replicas(" << stack_.all<Object>()[found].replica_count()
                         << "), but HorizontalPodAutoscaler ";
                    text.quoted(meta.name)
                        << " owns its replica count: remove replicas(), or the autoscaler";
                    add(StackRule::autoscaled_replicas_written, text);
                }
        });
    }

    // A disruption budget's or a network policy's selector, when it has one, selects pods
    // of a workload of its namespace (an empty one selects every pod there).
    constexpr void check_pod_selector(Kind kind, const ObjectMeta& meta, const Labels& selector,
                                      StackRule rule) {
        if (!selector.empty())
            check_selection(kind, meta, selector, select_pods(meta.ns, selector), rule);
    }

    // A selector must select pods of the stack, unless its object says they are created
    // elsewhere; then it must select none, or the stack makes the pods it says it does not.
    // True when it selects workloads of the stack, whose pods the caller may check further.
    constexpr bool check_selection(Kind kind, const ObjectMeta& meta, const Labels& selector,
                                   const Selected& selected, StackRule selects_no_pod) {
        Selected made;
        const Verdict verdict = judge(meta, selected, made);
        if (verdict != Verdict::wrong) return verdict == Verdict::selects_pods_of_the_stack;
        TextBuilder text = describe(kind, meta);
        text << " selects ";
        write_labels(text, selector);
        report(text, meta, meta.ns, made, selects_no_pod, "select that workload instead");
        return false;
    }

    // What a selection comes to. It is wrong when it selects no pod, or when it selects
    // pods that the stack makes (`made`: the first) though the object says they are created
    // elsewhere. A function rather than a template taking the message's writer: clang
    // cannot evaluate a member template instantiated with a lambda of a member function.
    enum class Verdict { selects_pods_of_the_stack, selects_pods_made_elsewhere, wrong };
    constexpr Verdict judge(const ObjectMeta& meta, const Selected& selected,
                            Selected& made) const {
        if (!meta.selects_pods_created_elsewhere)
            return selected.empty() ? Verdict::wrong : Verdict::selects_pods_of_the_stack;
        // A workload both applied and marked createdElsewhere() breaks its own rule.
        for (std::size_t id : selected.workloads)
            if (!workloads_[id].meta->created_elsewhere) {
                made.workloads.push_back(id);
                return Verdict::wrong;
            }
        if (selected.model_pods.empty()) return Verdict::selects_pods_made_elsewhere;
        made.model_pods.push_back(selected.model_pods.front());
        return Verdict::wrong;
    }

    // Given `Kind "name" selects <labels>` of a wrong selection, says what is wrong.
    constexpr void report(TextBuilder& text, const ObjectMeta& meta, std::string_view ns,
                          const Selected& made, StackRule selects_no_pod, std::string_view fix) {
        if (meta.selects_pods_created_elsewhere) {
            text << " as pods created elsewhere, but ";
            describe_first(text, made);
            text << " of the stack carries those labels: " << fix;
            add(StackRule::pods_created_elsewhere_but_made, text);
            return;
        }
        text << ", which no workload in namespace ";
        text.quoted(ns) << " carries";
        if (selects_no_pod == StackRule::anti_affinity_selects_no_pod)
            text << ", so it keeps nothing apart";
        add(selects_no_pod, text);
    }

    // Each object that an object of the model names is in the stack, or declared with
    // refersTo(... .createdElsewhere()) (model_references.hpp), and each such declaration
    // names an object that it refers to.
    constexpr void check_model_references() {
        for (std::size_t object = 0; object < model_facts_.size(); ++object) {
            const ModelObject& referring = stack_.all<ModelObject>()[object];
            const auto& elsewhere = referring.created_elsewhere();
            // Where each declared object was looked for, once a reference names it.
            bool referred[limits::created_elsewhere_references]{};
            std::string_view referred_in[limits::created_elsewhere_references]{};
            for (const ModelReference& reference : model_facts_[object].references) {
                const std::string_view ns =
                    reference.cluster_scoped
                        ? std::string_view{}
                        : (reference.ns.empty() ? pods_namespace(referring) : reference.ns);
                bool declared = false;
                for (std::size_t i = 0; i < elsewhere.size(); ++i)
                    if (elsewhere[i].kind == reference.kind &&
                        elsewhere[i].name == reference.name &&
                        (elsewhere[i].ns.empty()
                             ? reference.cluster_scoped || ns == pods_namespace(referring)
                             : elsewhere[i].ns == ns)) {
                        referred[i] = true;
                        referred_in[i] = ns;
                        declared = true;
                    }
                if (!declared) check_model_reference(referring, reference, ns);
            }
            for (std::size_t i = 0; i < elsewhere.size(); ++i) {
                const CreatedElsewhere& declared = elsewhere[i];
                const bool applied =
                    referred[i] &&
                    find_referred(declared.kind, referred_in[i], declared.name).found();
                if (referred[i] && !applied) continue;
                // The message is made only for a broken rule: most declarations are sound.
                TextBuilder text = describe(referring);
                text << " declares " << declared.kind << ' ';
                text.quoted(declared.name);
                if (applied) {
                    text << " created elsewhere with refersTo(), but the stack applies it: "
                            "remove the declaration";
                    add(StackRule::created_elsewhere_but_applied, text);
                } else {
                    text << " with refersTo(), but none of its fields names it: remove the "
                            "declaration";
                    add(StackRule::created_elsewhere_not_referred, text);
                }
            }
        }
    }

    // An object that a reference names: a builder's, or one of the model (which is in
    // "default" when it names no namespace).
    struct Referred {
        Kind kind;
        std::size_t position = npos;
        constexpr bool found() const { return position != npos; }
    };
    constexpr Referred find_referred(std::string_view kind_text, std::string_view ns,
                                     std::string_view name) const {
        const Kind kind = kind_named(kind_text);
        if (kind.index != StackKinds::size) {
            const std::size_t position = find(kind, ns, name);
            if (position != npos) return {kind, position};
        }
        std::size_t position = find(kind_of<ModelObject>, ns, name, kind_text);
        if (position == npos && ns == default_namespace)
            position = find(kind_of<ModelObject>, {}, name, kind_text);
        return {kind_of<ModelObject>, position};
    }

    constexpr void check_model_reference(const ModelObject& referring,
                                         const ModelReference& reference, std::string_view ns) {
        const Referred found = find_referred(reference.kind, ns, reference.name);
        if (!found.found()) {
            TextBuilder text = describe(referring);
            text << ": " << reference.field.view() << " names " << reference.kind << ' ';
            text.quoted(reference.name);
            if (ns.empty()) {
                text << ", which the stack does not have: apply it";
            } else {
                text << ", which namespace ";
                text.quoted(ns) << " does not have: apply it";
            }
            const std::string_view factory = builder_factory(reference.kind);
            if (!factory.empty()) {
                text << ", or declare it with refersTo(" << factory << "(\"" << reference.name
                     << "\")";
                if (!reference.ns.empty()) text << ".inNamespace(\"" << reference.ns << "\")";
                text << ".createdElsewhere())";
            }
            add(reference.missing, text);
            return;
        }
        if (reference.key.empty() || has_key(found, reference.key)) return;
        TextBuilder text = describe(referring);
        text << ": " << reference.field.view() << " reads key ";
        text.quoted(reference.key) << " of " << reference.kind << ' ';
        text.quoted(reference.name) << ", which defines no such key";
        add(StackRule::config_key_missing, text);
    }

    constexpr bool has_key(const Referred& config, std::string_view key) const {
        if (config.kind == kind_of<ConfigMap>)
            return stack_.all<ConfigMap>()[config.position].entries().contains(key);
        if (config.kind == kind_of<Secret>)
            return stack_.all<Secret>()[config.position].entries().contains(key);
        for (std::string_view defined : model_facts_[config.position].keys)
            if (defined == key) return true;
        return false;
    }

    // Each selector of an object of the model picks pods of the stack (model_facts.hpp).
    constexpr void check_model_selections() {
        for (std::size_t object = 0; object < model_facts_.size(); ++object) {
            const ModelObject& selecting = stack_.all<ModelObject>()[object];
            const std::string_view ns = pods_namespace(selecting);
            const bool elsewhere = selecting.metadata().selects_pods_created_elsewhere;
            for (const ModelSelection& selection : model_facts_[object].selections) {
                // A workload that keeps off pods made elsewhere may also spread its own.
                if (elsewhere &&
                    selection.selects_no_pod == StackRule::anti_affinity_selects_no_pod)
                    continue;
                Selected made;
                if (judge(selecting.metadata(), select_pods(ns, selection.terms), made) !=
                    Verdict::wrong)
                    continue;
                TextBuilder text = describe(selecting);
                text << ": " << selection.field.view() << " selects ";
                write_terms(text, selection.terms);
                report(text, selecting.metadata(), ns, made, selection.selects_no_pod,
                       "remove selectsPodsCreatedElsewhere()");
            }
        }
    }

    static constexpr void write_terms(TextBuilder& text, const List<SelectorTerm>& terms) {
        for (std::size_t i = 0; i < terms.size(); ++i) {
            const SelectorTerm& term = terms[i];
            text << (i == 0 ? "" : ",") << term.key;
            if (term.from_match_labels) {
                text << '=' << term.values.front();
                continue;
            }
            text << ' ' << to_string(term.op);
            if (term.values.empty()) continue;
            text << " (";
            for (std::size_t v = 0; v < term.values.size(); ++v)
                text << (v == 0 ? "" : ",") << term.values[v];
            text << ')';
        }
    }

    constexpr void check_node_ports() {
        std::size_t count = 0;
        for (const Service& service : stack_.all<Service>())
            for (const ServicePort& port : service.ports())
                count += port.node_port != 0 ? 1 : 0;
        HashIndex opened(count);
        for (std::size_t i = 0; i < stack_.all<Service>().size(); ++i) {
            const Service& service = stack_.all<Service>()[i];
            for (const ServicePort& port : service.ports()) {
                if (port.node_port == 0) continue;
                const auto hash =
                    static_cast<std::uint64_t>(port.node_port) * 0x9E3779B97F4A7C15ULL;
                opened.find_if(hash, [&](std::size_t other) {
                    if (other == i && shares_node_port(service, port)) return false;
                    TextBuilder text;
                    text.names(service.metadata().written_at);
                    if (other == i) {
                        text << "Service ";
                        text.quoted(service.name())
                            << " opens NodePort " << port.node_port
                            << " twice, but one node port serves ports of one number, once "
                               "per protocol";
                    } else {
                        text << "NodePort " << port.node_port << " is opened by both Service ";
                        text.quoted(stack_.all<Service>()[other].name()) << " and Service ";
                        text.quoted(service.name()) << ", but a node port serves one Service";
                    }
                    add(StackRule::duplicate_node_port, text);
                    return true;
                });
                opened.insert(hash, i);
            }
        }
    }

    // Whether the Service's earlier ports that open this port's node port may share it:
    // ports of the same number and another protocol, to which the allocator gives one
    // node port (ValidateService refuses a node port twice for one protocol).
    static constexpr bool shares_node_port(const Service& service, const ServicePort& port) {
        for (const ServicePort& earlier : service.ports()) {
            if (&earlier == &port) break;
            if (earlier.node_port == port.node_port &&
                (earlier.port != port.port || earlier.protocol == port.protocol))
                return false;
        }
        return true;
    }

    constexpr void check_api_versions() {
        const KubernetesVersion target = stack_.target();
        const auto check = [&](const auto& object, const ServedVersions& served) {
            if (served.serves(target)) return;
            TextBuilder text = describe(object);
            text << " is written as " << served.api_version << ", which Kubernetes " << target.major
                 << '.' << target.minor << " does not serve (served from " << served.since.major
                 << '.' << served.since.minor;
            if (served.until != KubernetesVersion{0, 0})
                text << " to " << served.until.major << '.' << served.until.minor;
            text << ')';
            add(StackRule::api_version_not_served, text);
        };
        for_each_kind([&]<class Object>() {
            for (const Object& object : stack_.all<Object>())
                check(object, served_versions_of(object));
        });
    }

    StackView stack_;
    RuleScope scope_;
    List<ModelFacts> model_facts_; // one for each object of the model, in order
    List<ModelPodsOf> model_pods_;
    List<ObjectKey> keys_;
    HashIndex object_index_;
    List<WorkloadView> workloads_;
    List<PodLabel> pod_labels_;
    HashIndex pod_label_index_;
    List<std::string_view> missing_namespaces_;
};

} // namespace detail

// Every whole-stack rule the stack breaks, in a stable order. run<> checks the view of
// the frozen stack, so that the compiler builds the stack once less.
constexpr std::vector<Violation> check_stack(const StackView& stack) {
    return detail::StackChecker(stack, detail::RuleScope::whole_stack).run();
}
constexpr std::vector<Violation> check_stack(const Stack& stack) {
    return check_stack(view_of(stack));
}

// The rules of single objects (object_rules.hpp, model_rules.hpp, and the value rules that
// builders recorded), without those across objects: a part of a split stack
// (stack_part.hpp) is checked for these where it is compiled.
constexpr std::vector<Violation> check_objects(const StackView& stack) {
    return detail::StackChecker(stack, detail::RuleScope::single_objects).run();
}

// Just the rules, for tests: `rules_broken_by(my_stack()) == std::vector{StackRule::...}`.
constexpr std::vector<StackRule> rules_broken_by(const Stack& stack) {
    std::vector<StackRule> rules;
    for (const Violation& v : check_stack(stack))
        rules.push_back(v.rule);
    return rules;
}

} // namespace kubestack
