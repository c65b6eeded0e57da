// Objects of the typed API model, and custom resources of imported CRDs, in a stack beside
// the builders' objects:
//
//     #include <kubestack/api/policy/v1.hpp>
//
//     constexpr api::policy::v1::PodDisruptionBudget zk_budget() {
//         api::policy::v1::PodDisruptionBudget budget;
//         budget.metadata.emplace().name = "zk-pdb";
//         ...
//         return budget;
//     }
//     ... stack().apply(zk, object<zk_budget>())
//
// The function is a constexpr function, so the compiler checks what it builds (the
// model's enums, its required fields) and reads the object's name and namespace for the
// whole-stack rules; the binary calls it again to write the manifest. Values for one
// cluster are passed as template arguments: object<make_budget, prod_values>().
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/names.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(object_in_a_stack_needs_a_metadata_name)
} // namespace broken_rule

class ModelObject {
public:
    constexpr const ObjectMeta& metadata() const { return meta_; }
    constexpr ObjectMeta& metadata() { return meta_; }
    constexpr std::string_view name() const { return meta_.name; }
    constexpr std::string_view ns() const { return meta_.ns; }
    constexpr std::string_view api_version() const { return api_version_; }
    constexpr std::string_view kind() const { return kind_; }
    // Writes the object as one YAML document (apiVersion, kind, metadata first).
    void write(emitter::YamlWriter& out) const { write_(out); }

    // The versions serving its apiVersion are not known for every kind and CRD: the
    // target-version rule does not reach these objects.
    constexpr ServedVersions served_versions() const { return {api_version_, {1, 0}}; }

    template <auto make, auto... values>
    static constexpr ModelObject of() {
        using Model = decltype(make(values...));
        static_assert(emitter::ModelKind<Model>,
                      "object<f>() takes a constexpr function that returns an object of a kind "
                      "of the API model or of an imported CRD");
        const Model model = make(values...);
        ModelObject object;
        object.api_version_ = Model::api_version;
        object.kind_ = Model::kind;
        emitter::model_detail::read_metadata(model, [&object](const auto& meta) {
            if (meta.name.has_value()) object.meta_.name = *meta.name;
            if constexpr (requires { meta.namespace_; })
                if (meta.namespace_.has_value()) {
                    object.meta_.ns = *meta.namespace_;
                    object.meta_.namespace_chosen = true;
                }
        });
        if (object.meta_.name.empty()) broken_rule::object_in_a_stack_needs_a_metadata_name();
        object.meta_.file = object.meta_.name;
        object.write_ = &write_model<make, values...>;
        return object;
    }

    // Groups it with other objects in one manifest file, as Resource::file() does.
    constexpr ModelObject& file(FileStem stem) {
        meta_.file = stem;
        return *this;
    }

private:
    template <auto make, auto... values>
    static void write_model(emitter::YamlWriter& out) {
        emitter::write_model_object(out, make(values...));
    }

    ObjectMeta meta_;
    std::string_view api_version_;
    std::string_view kind_;
    void (*write_)(emitter::YamlWriter&) = nullptr;
};

template <auto make, auto... values>
constexpr ModelObject object() {
    return ModelObject::of<make, values...>();
}

} // namespace kubestack
