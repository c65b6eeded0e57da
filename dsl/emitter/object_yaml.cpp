// Field names and nesting follow the Kubernetes API reference (OpenAPI v2 definitions
// io.k8s.api.*); the schema test checks every document against it.
#include "object_yaml.hpp"

#include <cstdlib>
#include <kubestack/text.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kubestack::emitter {
namespace {

template <std::size_t Capacity>
void write_key_values(YamlWriter& out, std::string_view key, const KeyValues<Capacity>& values) {
    if (values.empty()) return;
    out.map(key, [&] {
        for (const Label& entry : values)
            out.field(entry.key, entry.value);
    });
}

// A value that the stack reads from the environment: the variable's value, else its
// default, else an error that names the variable and what needs it. A value that is not
// UTF-8 is an error too: YAML cannot hold it, and a reader would change it.
std::string_view resolve(std::string_view value, std::string_view variable, bool required,
                         const ObjectMeta& owner, std::string_view kind, std::string_view key) {
    if (variable.empty()) return value;
    const auto needed_for = [&] {
        return "; " + std::string(kind) + " \"" + std::string(owner.name) + "\" needs it for " +
               std::string(key);
    };
    if (const char* set = std::getenv(std::string(variable).c_str())) {
        if (!is_valid_utf8(set))
            throw std::runtime_error("environment variable " + std::string(variable) +
                                     " is not valid UTF-8" + needed_for());
        return set;
    }
    if (!required) return value;
    throw std::runtime_error("environment variable " + std::string(variable) + " is not set" +
                             needed_for() + " (set it, or give it a default with orDefault(...))");
}

template <std::size_t Capacity>
void write_data(YamlWriter& out, std::string_view field, const KeyValues<Capacity>& entries,
                const ObjectMeta& owner, std::string_view kind) {
    if (entries.empty()) return;
    out.map(field, [&] {
        for (const Label& entry : entries)
            out.field(entry.key, resolve(entry.value, entry.environment, entry.required, owner,
                                         kind, entry.key));
    });
}

void write_metadata(YamlWriter& out, const ObjectMeta& meta) {
    out.map("metadata", [&] {
        out.field("name", meta.name);
        if (!meta.ns.empty()) out.field("namespace", meta.ns);
        write_key_values(out, "labels", meta.labels);
        write_key_values(out, "annotations", meta.annotations);
    });
}

template <class Modes>
void write_access_modes(YamlWriter& out, const Modes& modes) {
    if (modes.empty()) return;
    out.sequence("accessModes", [&] {
        for (AccessMode mode : modes)
            out.scalar(to_string(mode));
    });
}

void write_key_ref(YamlWriter& out, const KeyRef& ref) {
    const bool secret = ref.source == DataSource::Secret;
    out.map("valueFrom", [&] {
        out.map(secret ? "secretKeyRef" : "configMapKeyRef", [&] {
            out.field("name", ref.object);
            out.field("key", ref.key);
        });
    });
}

void write_container(YamlWriter& out, const Container& c, const ObjectMeta& owner,
                     std::string_view kind) {
    out.map([&] {
        out.field("name", c.name());
        out.field("image", c.image());
        if (!c.args().empty()) out.strings("args", c.args());
        if (!c.ports().empty())
            out.sequence("ports", [&] {
                for (const ContainerPort& p : c.ports())
                    out.map([&] {
                        out.field("name", p.name);
                        out.field("containerPort", p.number);
                        out.field("protocol", to_string(p.protocol));
                    });
            });
        if (!c.env().empty())
            out.sequence("env", [&] {
                for (const EnvVar& var : c.env())
                    out.map([&] {
                        out.field("name", var.name);
                        if (var.from_key)
                            write_key_ref(out, var.key);
                        else
                            out.field("value",
                                      resolve(var.value, var.environment, var.required, owner, kind,
                                              "env " + std::string(var.name)));
                    });
            });
        if (!c.env_from().empty())
            out.sequence("envFrom", [&] {
                for (const DataRef& source : c.env_from())
                    out.map([&] {
                        const bool secret = source.source == DataSource::Secret;
                        out.map(secret ? "secretRef" : "configMapRef",
                                [&] { out.field("name", source.object); });
                    });
            });
        const Resources& r = c.resources();
        if (!r.empty())
            out.map("resources", [&] {
                const auto write_pair = [&](std::string_view key, std::string_view cpu,
                                            std::string_view memory) {
                    if (cpu.empty() && memory.empty()) return;
                    out.map(key, [&] {
                        if (!cpu.empty()) out.field("cpu", cpu);
                        if (!memory.empty()) out.field("memory", memory);
                    });
                };
                write_pair("limits", r.cpu_limit, r.memory_limit);
                write_pair("requests", r.cpu_request, r.memory_request);
            });
        if (!c.mounts().empty())
            out.sequence("volumeMounts", [&] {
                for (const VolumeMount& m : c.mounts())
                    out.map([&] {
                        out.field("name", m.volume);
                        out.field("mountPath", m.path);
                        if (m.read_only) out.field("readOnly", true);
                    });
            });
    });
}

void write_volume(YamlWriter& out, const Volume& v) {
    out.map([&] {
        out.field("name", v.name);
        switch (v.source) {
        case VolumeSource::PersistentVolumeClaim:
            out.map("persistentVolumeClaim", [&] { out.field("claimName", v.reference); });
            break;
        case VolumeSource::ConfigMap:
            out.map("configMap", [&] { out.field("name", v.reference); });
            break;
        case VolumeSource::Secret:
            out.map("secret", [&] { out.field("secretName", v.reference); });
            break;
        case VolumeSource::HostPath:
            out.map("hostPath", [&] { out.field("path", v.reference); });
            break;
        }
    });
}

void write_selector_term(YamlWriter& out, const Labels& selector) {
    out.map("labelSelector", [&] { write_key_values(out, "matchLabels", selector); });
}

template <class Self>
void write_pod_template(YamlWriter& out, const Workload<Self>& workload,
                        std::string_view kind_name) {
    const PodTemplate& pod = workload.pod();
    out.map("template", [&] {
        out.map("metadata", [&] { write_key_values(out, "labels", pod.labels); });
        out.map("spec", [&] {
            out.sequence("containers", [&] {
                for (const Container& c : pod.containers)
                    write_container(out, c, workload.metadata(), kind_name);
            });
            if (const auto volumes = pod.volumes(); !volumes.empty())
                out.sequence("volumes", [&] {
                    for (const Volume& v : volumes)
                        write_volume(out, v);
                });
            out.field("restartPolicy", "Always");
            if (!pod.service_account.empty()) out.field("serviceAccountName", pod.service_account);
            if (pod.spread_over_nodes)
                out.map("affinity", [&] {
                    out.map("podAntiAffinity", [&] {
                        out.sequence("requiredDuringSchedulingIgnoredDuringExecution", [&] {
                            out.map([&] {
                                write_selector_term(out, workload.selector());
                                out.field("topologyKey", hostname_topology_key);
                            });
                        });
                    });
                });
            if (pod.tolerate_every_taint)
                out.sequence("tolerations",
                             [&] { out.map([&] { out.field("operator", "Exists"); }); });
        });
    });
}

template <class Self>
void write_selector(YamlWriter& out, const Workload<Self>& workload) {
    out.map("selector", [&] { write_key_values(out, "matchLabels", workload.selector()); });
}

} // namespace

void write_body(YamlWriter& out, const Namespace& object) {
    write_metadata(out, object.metadata());
}

void write_body(YamlWriter& out, const ServiceAccount& object) {
    write_metadata(out, object.metadata());
}

void write_body(YamlWriter& out, const ClusterRole& object) {
    write_metadata(out, object.metadata());
    out.sequence("rules", [&] {
        for (const PolicyRule& rule : object.rules())
            out.map([&] {
                out.strings("apiGroups", rule.apiGroups);
                out.strings("resources", rule.resources);
                std::vector<std::string_view> verbs(rule.verbs.begin(), rule.verbs.end());
                out.strings("verbs", verbs);
            });
    });
}

void write_body(YamlWriter& out, const ClusterRoleBinding& object) {
    write_metadata(out, object.metadata());
    out.map("roleRef", [&] {
        out.field("apiGroup", "rbac.authorization.k8s.io");
        out.field("kind", "ClusterRole");
        out.field("name", object.role_name());
    });
    out.sequence("subjects", [&] {
        for (const Subject& s : object.subjects())
            out.map([&] {
                out.field("kind", "ServiceAccount");
                out.field("name", s.name);
                out.field("namespace", s.ns);
            });
    });
}

void write_body(YamlWriter& out, const ConfigMap& object) {
    write_metadata(out, object.metadata());
    write_data(out, "data", object.entries(), object.metadata(), "ConfigMap");
}

void write_body(YamlWriter& out, const Secret& object) {
    write_metadata(out, object.metadata());
    out.field("type", "Opaque");
    write_data(out, "stringData", object.entries(), object.metadata(), "Secret");
}

void write_body(YamlWriter& out, const PersistentVolume& object) {
    write_metadata(out, object.metadata());
    const StorageTerms& terms = object.terms();
    out.map("spec", [&] {
        if (!terms.size.empty()) out.map("capacity", [&] { out.field("storage", terms.size); });
        write_access_modes(out, terms.access_modes);
        if (!terms.storage_class.empty()) out.field("storageClassName", terms.storage_class);
        out.field("persistentVolumeReclaimPolicy",
                  object.reclaim_policy() == ReclaimPolicy::Retain ? "Retain" : "Delete");
        if (!object.host_path().empty())
            out.map("hostPath", [&] {
                out.field("path", object.host_path());
                out.field("type", "DirectoryOrCreate");
            });
    });
}

void write_body(YamlWriter& out, const PersistentVolumeClaim& object) {
    write_metadata(out, object.metadata());
    const StorageTerms& terms = object.terms();
    out.map("spec", [&] {
        write_access_modes(out, terms.access_modes);
        if (!terms.storage_class.empty()) out.field("storageClassName", terms.storage_class);
        if (!object.volume_name().empty()) out.field("volumeName", object.volume_name());
        if (!terms.size.empty())
            out.map("resources",
                    [&] { out.map("requests", [&] { out.field("storage", terms.size); }); });
    });
}

void write_body(YamlWriter& out, const Deployment& object) {
    write_metadata(out, object.metadata());
    out.map("spec", [&] {
        out.field("replicas", object.replica_count());
        write_selector(out, object);
        write_pod_template(out, object, "Deployment");
    });
}

void write_body(YamlWriter& out, const DaemonSet& object) {
    write_metadata(out, object.metadata());
    out.map("spec", [&] {
        write_selector(out, object);
        write_pod_template(out, object, "DaemonSet");
    });
}

void write_body(YamlWriter& out, const Service& object) {
    write_metadata(out, object.metadata());
    out.map("spec", [&] {
        out.field("type",
                  object.service_type() == ServiceType::NodePort ? "NodePort" : "ClusterIP");
        if (object.headless()) out.field("clusterIP", "None"); // stand-in, see service.hpp
        write_key_values(out, "selector", object.selector());
        out.sequence("ports", [&] {
            for (const ServicePort& p : object.ports())
                out.map([&] {
                    out.field("name", p.name);
                    out.field("port", p.port);
                    if (p.target.name.empty())
                        out.field("targetPort", p.target.number);
                    else
                        out.field("targetPort", p.target.name);
                    if (p.node_port != 0) out.field("nodePort", p.node_port);
                    out.field("protocol", to_string(p.protocol));
                });
        });
    });
}

void write_body(YamlWriter& out, const Ingress& object) {
    write_metadata(out, object.metadata());
    // The v1beta1 forms name the backend with serviceName and servicePort.
    const bool v1 = object.api() == IngressApi::networking_v1;
    out.map("spec", [&] {
        if (!object.class_name().empty()) out.field("ingressClassName", object.class_name());
        out.sequence("rules", [&] {
            for (const IngressRoute& route : object.routes())
                out.map([&] {
                    out.field("host", route.host);
                    out.map("http", [&] {
                        out.sequence("paths", [&] {
                            out.map([&] {
                                out.field("path", route.path);
                                if (v1) out.field("pathType", to_string(route.path_type));
                                out.map("backend", [&] {
                                    if (!v1) {
                                        out.field("serviceName", route.service);
                                        out.field("servicePort", route.port);
                                        return;
                                    }
                                    out.map("service", [&] {
                                        out.field("name", route.service);
                                        out.map("port", [&] { out.field("number", route.port); });
                                    });
                                });
                            });
                        });
                    });
                });
        });
    });
}

} // namespace kubestack::emitter
