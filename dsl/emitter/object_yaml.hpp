// The YAML body of each kind of object: everything after apiVersion and kind, written by
// converting the object to the API model (to_model.hpp) and walking that (model_yaml.hpp).
// Throws std::runtime_error for a value the environment should give and does not.
#pragma once

#include "yaml_writer.hpp"

#include <kubestack/stack.hpp>

namespace kubestack::emitter {

void write_body(YamlWriter& out, const Namespace& object);
void write_body(YamlWriter& out, const ServiceAccount& object);
void write_body(YamlWriter& out, const ClusterRole& object);
void write_body(YamlWriter& out, const ClusterRoleBinding& object);
void write_body(YamlWriter& out, const ConfigMap& object);
void write_body(YamlWriter& out, const Secret& object);
void write_body(YamlWriter& out, const PersistentVolume& object);
void write_body(YamlWriter& out, const PersistentVolumeClaim& object);
void write_body(YamlWriter& out, const Deployment& object);
void write_body(YamlWriter& out, const DaemonSet& object);
void write_body(YamlWriter& out, const StatefulSet& object);
void write_body(YamlWriter& out, const Job& object);
void write_body(YamlWriter& out, const CronJob& object);
void write_body(YamlWriter& out, const Service& object);
void write_body(YamlWriter& out, const Ingress& object);

} // namespace kubestack::emitter
