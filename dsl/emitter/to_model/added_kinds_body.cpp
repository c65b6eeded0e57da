// The body of the added kinds in a stack's output, as render.cpp writes every object: the
// model object's fields after apiVersion and kind, metadata first, as write_model_object
// orders a kind.
#include "../model_yaml.hpp"
#include "../object_yaml.hpp"
#include "added_kinds.hpp"

namespace kubestack::emitter {

namespace {

template <ModelKind Model>
void write_model_body(YamlWriter& out, const Model& model) {
    const auto field = [&](const api::FieldInfo& info, const auto& member) {
        using Member = std::remove_cvref_t<decltype(member)>;
        if constexpr (model_detail::is_optional<Member>)
            if (!member.set) return;
        out.key(info.name);
        write_model_object(out, member);
    };
    Model::visit_fields(model, [&](const api::FieldInfo& info, const auto& member) {
        if (info.name == "metadata") field(info, member);
    });
    Model::visit_fields(model, [&](const api::FieldInfo& info, const auto& member) {
        if (info.name != "metadata") field(info, member);
    });
}

} // namespace

void write_body(YamlWriter& out, const Role& object) {
    write_model_body(out, to_model(object));
}
void write_body(YamlWriter& out, const RoleBinding& object) {
    write_model_body(out, to_model(object));
}
void write_body(YamlWriter& out, const StorageClass& object) {
    write_model_body(out, to_model(object));
}
void write_body(YamlWriter& out, const NetworkPolicy& object) {
    write_model_body(out, to_model(object));
}
void write_body(YamlWriter& out, const HorizontalPodAutoscaler& object) {
    write_model_body(out, to_model(object));
}
void write_body(YamlWriter& out, const PodDisruptionBudget& object) {
    write_model_body(out, to_model(object));
}

} // namespace kubestack::emitter
