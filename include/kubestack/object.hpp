// object<f>(): an object of the API model or of an imported CRD, in a stack beside the
// builders' objects (see kubestack/model_object.hpp for an example). The compiler builds it
// to read its identity and check it; the binary builds it again and writes it with the
// generic emitter, which this header brings into the stack's translation unit.
#pragma once

#include <kubestack/emit/model_yaml.hpp>
#include <kubestack/model_object.hpp>
#include <kubestack/model_rules.hpp>

namespace kubestack {

namespace detail {
// Whether objects of a kind of the model are in a namespace. The generated kinds say so;
// one that does not (a subresource such as Scale, a struct written by hand) is taken as
// namespaced.
template <class Model>
constexpr bool is_namespaced_kind() {
    if constexpr (requires { Model::namespaced; })
        return Model::namespaced;
    else
        return true;
}

template <auto make, auto... values>
void write_model(emitter::YamlWriter& out) {
    emitter::write_model_object(out, make(values...));
}
template <auto make, auto... values>
constexpr void check_model(RuleReport& report, ModelFacts* facts) {
    ModelRules(report, facts).check(make(values...));
}
} // namespace detail

template <auto make, auto... values>
constexpr ModelObject object(SourcePlace where = SourcePlace::here()) {
    using Model = decltype(make(values...));
    static_assert(api::ModelKind<Model>,
                  "object<f>() takes a constexpr function that returns an object of a kind "
                  "of the API model or of an imported CRD");
    const Model model = make(values...);
    ObjectMeta meta;
    meta.written_at = where;
    api::read_metadata(model, [&meta](const auto& given) {
        if (given.name.has_value()) meta.name = *given.name;
        // A cluster-scoped object is in no namespace, whatever its metadata says: Kubernetes
        // ignores the field, and the rules find and compare it without one.
        if constexpr (requires { given.namespace_; })
            if (detail::is_namespaced_kind<Model>() && given.namespace_.has_value()) {
                meta.ns = *given.namespace_;
                meta.namespace_chosen = true;
            }
    });
    return ModelObject(Model::api_version, Model::kind, detail::is_namespaced_kind<Model>(), meta,
                       &detail::write_model<make, values...>,
                       &detail::check_model<make, values...>);
}

} // namespace kubestack
