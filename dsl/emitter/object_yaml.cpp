// Each kind's body is its model object's (to_model.hpp), written by the generic emitter
// (model_yaml.hpp): field names, nesting and order come from the generated model and its
// house style, and the schema test checks every document against the API.
#include "object_yaml.hpp"

#include "model_yaml.hpp"
#include "to_model.hpp"

#include <variant>

namespace kubestack::emitter {
namespace {

// The arena holds values read from the environment until they are written: the writer
// copies every scalar it is given.
template <class Object>
void write_converted(YamlWriter& out, const Object& object) {
    TextArena arena;
    write_model_fields(out, to_model(object, arena));
}

} // namespace

void write_body(YamlWriter& out, const Namespace& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const ServiceAccount& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const ClusterRole& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const ClusterRoleBinding& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const ConfigMap& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const Secret& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const PersistentVolume& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const PersistentVolumeClaim& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const Deployment& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const DaemonSet& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const StatefulSet& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const Job& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const CronJob& object) {
    write_converted(out, object);
}
void write_body(YamlWriter& out, const Service& object) {
    write_converted(out, object);
}
// In the API version the Ingress chose, which render.cpp wrote as its apiVersion.
void write_body(YamlWriter& out, const Ingress& object) {
    TextArena arena;
    std::visit([&](const auto& model) { write_model_fields(out, model); }, to_model(object, arena));
}

} // namespace kubestack::emitter
