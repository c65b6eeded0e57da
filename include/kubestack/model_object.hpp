// Objects of the typed API model, and custom resources of imported CRDs, in a stack beside
// the builders' objects:
//
//     #include <kubestack/api/policy/v1.hpp>
//
//     #include <kubestack/object.hpp>
//
//     constexpr api::policy::v1::PodDisruptionBudget zk_budget() {
//         api::policy::v1::PodDisruptionBudget budget;
//         budget.metadata.emplace().name = "zk-pdb";
//         ...
//         return budget;
//     }
//     ... stack().apply(zk, object<zk_budget>())
//
// The function is a constexpr function, so the compiler checks what it builds (its
// required fields, and Kubernetes' validation of its kind: model_rules.hpp) and reads the
// object's name and namespace for the whole-stack rules; the binary calls it again to write the
// manifest. Values for one cluster are passed as template arguments: object<make_budget,
// prod_values>().
#pragma once

#include <concepts>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/kind_info.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/names.hpp>
#include <string_view>

namespace kubestack {

namespace emitter {
class YamlWriter;
} // namespace emitter
namespace detail {
class RuleReport;
struct ModelFacts;
} // namespace detail

namespace broken_rule {
KUBESTACK_BROKEN_RULE(object_in_a_stack_needs_a_metadata_name)
KUBESTACK_BROKEN_RULE(in_namespace_names_another_namespace_than_the_objects_metadata)
KUBESTACK_BROKEN_RULE(cluster_scoped_object_takes_no_namespace)
KUBESTACK_BROKEN_RULE(refers_to_takes_an_object_marked_created_elsewhere)
} // namespace broken_rule

class Namespace;

// An object that an object of the model refers to by name, and that exists on the cluster
// without the stack: refersTo(secret("tls").createdElsewhere()).
struct CreatedElsewhere {
    std::string_view kind;
    std::string_view ns; // empty: the referring object's namespace (or none, cluster-scoped)
    std::string_view name;
};

// The stack's view of such an object: its identity for the rules, and how to write it. Made
// by object<f>() (kubestack/object.hpp), which alone includes the emitter, so that stacks
// that hold no model object do not compile it.
class ModelObject {
public:
    using Write = void (*)(emitter::YamlWriter&);
    // Builds the object again and reports what Kubernetes' validation rejects in it
    // (model_rules.hpp); called by the whole-stack rules, in the constant expression. With
    // facts, it also gathers the pods the object makes and the selectors it picks pods with
    // (model_facts.hpp).
    using Check = void (*)(detail::RuleReport&, detail::ModelFacts*);

    constexpr ModelObject(std::string_view api_version, std::string_view kind, bool namespaced,
                          ObjectMeta meta, Write write, Check check)
        : meta_(meta)
        , api_version_(api_version)
        , kind_(kind)
        , namespaced_(namespaced)
        , write_(write)
        , check_(check) {
        if (meta_.name.empty()) broken_rule::object_in_a_stack_needs_a_metadata_name(meta_.broken);
        if (meta_.file.empty()) meta_.file = meta_.name;
    }

    constexpr const ObjectMeta& metadata() const { return meta_; }
    constexpr ObjectMeta& metadata() { return meta_; }
    constexpr std::string_view name() const { return meta_.name; }
    constexpr std::string_view ns() const { return meta_.ns; }
    constexpr std::string_view api_version() const { return api_version_; }
    constexpr std::string_view kind() const { return kind_; }
    // Writes the object as one YAML document (apiVersion, kind, metadata first).
    void write(emitter::YamlWriter& out) const { write_(out); }
    constexpr void check(detail::RuleReport& report, detail::ModelFacts* facts) const {
        check_(report, facts);
    }

    // Groups it with other objects in one manifest file, as Resource::file() does.
    constexpr ModelObject& file(FileStem stem) {
        meta_.file = stem;
        return *this;
    }
    // Its namespace as an object, as a builder's inNamespace(namespace_object) takes it: one
    // the stack applies, or one marked createdElsewhere(), which the namespace rule then
    // accepts without the stack creating it. The model's metadata.namespace says where the
    // object goes, so the two must name the same namespace.
    template <std::same_as<Namespace> N>
    constexpr ModelObject& inNamespace(const N& ns) {
        if (!namespaced_)
            broken_rule::cluster_scoped_object_takes_no_namespace(meta_.broken);
        else if (meta_.ns == ns.name())
            meta_.place_in(ns.name(), ns.metadata().created_elsewhere);
        else
            broken_rule::in_namespace_names_another_namespace_than_the_objects_metadata(
                meta_.broken);
        return *this;
    }

    // Its selectors pick pods that another stack or a controller makes: the rules then
    // check that they pick none of this stack's, instead of at least one (as
    // podsCreatedElsewhere(...) does for a builder's selects()).
    constexpr ModelObject& selectsPodsCreatedElsewhere() {
        meta_.selects_pods_created_elsewhere = true;
        return *this;
    }

    // It refers by name to an object that someone else creates (a Secret of cert-manager, a
    // built-in ClusterRole), declared with its builder and marked createdElsewhere():
    //
    //     object<web_ingress>().refersTo(secret("web-tls").createdElsewhere())
    //
    // The rules then accept its references to that object without the stack applying it,
    // as they accept a builder's reference to such an object. An object it does not refer
    // to is an error, so the declaration cannot outlive the reference.
    template <class Builder>
    requires(!std::same_as<Builder, ModelObject> && requires(const Builder& object) {
        object.metadata();
    }) constexpr ModelObject& refersTo(const Builder& object) {
        const ObjectMeta& meta = object.metadata();
        if (!meta.created_elsewhere)
            broken_rule::refers_to_takes_an_object_marked_created_elsewhere(meta_.broken);
        created_elsewhere_.push_back({kind_info<Builder>.kind,
                                      meta.namespace_chosen ? meta.ns : std::string_view{},
                                      meta.name});
        return *this;
    }
    constexpr const auto& created_elsewhere() const { return created_elsewhere_; }

private:
    ObjectMeta meta_;
    std::string_view api_version_;
    std::string_view kind_;
    bool namespaced_ = true;
    Write write_ = nullptr;
    Check check_ = nullptr;
    detail::FixedList<CreatedElsewhere, limits::created_elsewhere_references> created_elsewhere_;
};

} // namespace kubestack
