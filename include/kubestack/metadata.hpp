// What every resource has: a name, a namespace, labels, annotations, and the manifest
// file it is written to. Builders inherit these setters through Resource<Self>.
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/names.hpp>
#include <kubestack/policy.hpp>
#include <kubestack/source_place.hpp>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack {

inline constexpr std::string_view default_namespace = "default";

struct ObjectMeta {
    std::string_view name;
    std::string_view ns;   // empty for cluster-scoped objects
    std::string_view file; // file stem: "postgres" writes postgres.<kind>.yaml
    Labels labels;
    KeyValues<> annotations;
    // Set by Stack::apply: which `kubectl apply` step the object belongs to, and its
    // position in the stack. They make the output order follow the source.
    int apply_step = 0;
    int sequence = 0;
    // Declared so that references to it check, but created by someone else: never written.
    bool created_elsewhere = false;
    // Placed with inNamespace(), rather than in "default" by default: a stack written
    // withoutNamespaces() still writes this one's namespace.
    bool namespace_chosen = false;
    // Placed with inNamespace(namespace_("shop").createdElsewhere()): the namespace exists
    // on the cluster without being in the stack.
    bool namespace_created_elsewhere = false;
    // A Service, budget or network policy that selects pods created elsewhere
    // (pods_created_elsewhere.hpp): no workload of the stack needs to carry its selector.
    bool selects_pods_created_elsewhere = false;
    // The first rule a builder found broken on the object (detail/broken_rule.hpp), which the
    // whole-stack checker reports with the object's kind and name.
    detail::RuleRecord broken;
    // Set by Stack::withoutNamespaces() on objects whose namespace was not chosen: the
    // rules still see them in "default", and the manifest has no metadata.namespace.
    bool namespace_left_to_kubectl = false;
    // Edits of the object's model, made by the driver after the builder's own fields
    // (Resource::with). Each takes the model object of the builder's kind.
    detail::FixedList<void (*)(void*), limits::patches> patches;
    // The policy checks the object breaks on purpose, one entry per reason (Resource::waive,
    // policy.hpp).
    detail::FixedList<Waiver, limits::waivers> waivers;
    // The builder's call that made it, where a rule checked after compiling reports.
    SourcePlace written_at;

    // Placed by inNamespace(namespace_object), which every kind of object takes: the
    // namespace's name, and whether the stack or someone else creates it.
    constexpr void place_in(std::string_view namespace_name, bool namespace_made_elsewhere) {
        ns = namespace_name;
        namespace_chosen = true;
        namespace_created_elsewhere = namespace_made_elsewhere;
    }
};

// Pods created elsewhere, placed with no inNamespace(), are in the namespace of the object
// that selects them; other pods are in their workload's.
constexpr bool pods_namespace_given(const ObjectMeta& pods) {
    return !pods.created_elsewhere || pods.namespace_chosen;
}

namespace detail {
// A builder made by a factory such as deployment("web"), with the place of that call.
template <class Object>
constexpr Object written_at(Object object, SourcePlace where) {
    object.metadata().written_at = where;
    return object;
}
} // namespace detail

namespace detail {
// The kind of the API model a builder's object becomes: specialized beside StackKinds.
template <class Builder>
struct ModelOf;

template <class Model, auto patch>
void apply_patch(void* model) {
    patch(*static_cast<Model*>(model));
}
} // namespace detail

enum class Scope { Namespaced, Cluster };

class Namespace;

template <class Self, Scope scope = Scope::Namespaced>
class Resource {
public:
    constexpr Self& label(LabelKey key, LabelValue value) {
        meta_.labels.set(key, value);
        return self();
    }
    constexpr Self& annotation(AnnotationKey key, std::string_view value) {
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(meta_.broken);
        meta_.annotations.set(key, value);
        return self();
    }
    constexpr Self& inNamespace(DnsLabel ns) requires(scope == Scope::Namespaced) {
        meta_.ns = ns;
        meta_.namespace_chosen = true;
        return self();
    }
    // The namespace as an object: one the stack applies, or one marked createdElsewhere(),
    // which the namespace rule then accepts without the stack creating it.
    template <std::same_as<Namespace> N>
    constexpr Self& inNamespace(const N& ns) requires(scope == Scope::Namespaced) {
        meta_.place_in(ns.name(), ns.metadata().created_elsewhere);
        return self();
    }
    // Groups objects into one manifest file: postgres.volume.yaml holds the volume
    // "postgres-data" and the claim "postgres" once both say file("postgres").
    constexpr Self& file(FileStem stem) {
        meta_.file = stem;
        return self();
    }

    // The escape hatch of the whole-stack rules: this object exists on the cluster
    // already (a Secret another team creates, a built-in ClusterRole), so references to
    // it are not checked against the stack, and the stack must not apply it.
    constexpr Self& createdElsewhere() {
        meta_.created_elsewhere = true;
        return self();
    }

    // Sets what the builder has no setter for, on the typed model object it becomes:
    //
    //     deployment("web").image("nginx:1.27")
    //         .with<[](api::apps::v1::Deployment& d) { d.spec->minReadySeconds = 10; }>()
    //
    // The function runs when the manifests are written, after the builder's own fields, so
    // it may also change them; include the model's header (<kubestack/api/apps/v1.hpp>).
    template <auto patch, class Builder = Self>
    constexpr Self& with() {
        using Model = typename detail::ModelOf<Builder>::type;
        static_assert(
            requires(Model & model) { patch(model); },
            "with<...>() takes a function of this kind's model object, such as "
            "[](api::apps::v1::Deployment& d) { ... } for a deployment(...)");
        // Guarded, so that clang, which goes on after the static_assert, says nothing more.
        if constexpr (requires(Model & model) { patch(model); })
            meta_.patches.push_back(&detail::apply_patch<Model, patch>);
        return self();
    }

    // Breaks policy checks on purpose, for the reason given, when the stack selects them
    // (policy.hpp): .waive("kube-linter/latest-tag", "SPEC.md requires :latest"), or one
    // reason for several: .waive({"kube-linter/run-as-non-root",
    // "kube-linter/no-read-only-root-fs"}, "needs a live test"), or a named waiver(...). A
    // waiver of a check the object keeps is an error.
    constexpr Self& waive(PolicyCheckName check, WaiverReason reason) {
        return waive(kubestack::waiver({check}, reason));
    }
    constexpr Self& waive(std::initializer_list<PolicyCheckName> checks, WaiverReason reason) {
        return waive(kubestack::waiver(checks, reason));
    }
    constexpr Self& waive(const Waiver& waiver) {
        meta_.waivers.push_back(waiver);
        return self();
    }

    constexpr const ObjectMeta& metadata() const { return meta_; }
    constexpr ObjectMeta& metadata() { return meta_; }
    constexpr std::string_view name() const { return meta_.name; }
    constexpr std::string_view ns() const { return meta_.ns; }

protected:
    // In the namespace of another object, as that object was placed there: for objects
    // made for it (its Service, autoscaler, budget, policy, binding).
    constexpr void place_beside(const ObjectMeta& other) {
        meta_.ns = other.ns;
        meta_.namespace_chosen = other.namespace_chosen;
        meta_.namespace_created_elsewhere = other.namespace_created_elsewhere;
    }
    // An object that selects pods moves to their namespace, and the rules learn whether
    // the stack makes them. Returns the selector to keep.
    template <class Pods>
    constexpr const Labels& select_pods_of(const Pods& pods) {
        if (pods_namespace_given(pods.metadata())) place_beside(pods.metadata());
        meta_.selects_pods_created_elsewhere = pods.metadata().created_elsewhere;
        return pods.selector();
    }
    constexpr explicit Resource(std::string_view name) {
        meta_.name = name;
        meta_.ns = scope == Scope::Namespaced ? default_namespace : std::string_view{};
        meta_.file = name;
    }

    constexpr Self& self() { return static_cast<Self&>(*this); }

    ObjectMeta meta_;
};

} // namespace kubestack
