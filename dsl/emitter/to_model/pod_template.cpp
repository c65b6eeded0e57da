// Pod templates and containers: what every workload kind shares.
#include "environment_value.hpp"
#include "metadata.hpp"

#include <string>

namespace kubestack::emitter {

namespace core = api::core::v1;

namespace {

core::EnvVarSource key_source(const KeyRef& ref) {
    core::EnvVarSource source;
    if (ref.source == DataSource::Secret) {
        core::SecretKeySelector& selector = source.secretKeyRef.emplace();
        selector.name = ref.object;
        selector.key = ref.key;
    } else {
        core::ConfigMapKeySelector& selector = source.configMapKeyRef.emplace();
        selector.name = ref.object;
        selector.key = ref.key;
    }
    return source;
}

core::EnvFromSource env_from_source(const DataRef& ref) {
    core::EnvFromSource source;
    if (ref.source == DataSource::Secret)
        source.secretRef.emplace().name = ref.object;
    else
        source.configMapRef.emplace().name = ref.object;
    return source;
}

// limits or requests: cpu, then memory; unset when neither is given.
api::Optional<api::Map<api::Quantity>> resource_pair(std::string_view cpu,
                                                     std::string_view memory) {
    if (cpu.empty() && memory.empty()) return {};
    api::Map<api::Quantity> pair;
    if (!cpu.empty()) pair.push_back({"cpu", cpu});
    if (!memory.empty()) pair.push_back({"memory", memory});
    return pair;
}

// Required anti-affinity against the workload's own pods on the node's host name: told
// apart by the workload's selector, or by the label terms written out for it.
core::Affinity spread_over_nodes(const PodTemplate& pod, const Labels& selector) {
    core::PodAffinityTerm term;
    api::meta::v1::LabelSelector& pods = term.labelSelector.emplace();
    if (pod.anti_affinity_terms.empty()) {
        pods.matchLabels = to_model_detail::to_map(selector);
    } else {
        api::List<api::meta::v1::LabelSelectorRequirement>& terms = pods.matchExpressions.emplace();
        for (const LabelRequirement& requirement : pod.anti_affinity_terms) {
            api::meta::v1::LabelSelectorRequirement out;
            out.key = requirement.key;
            out.operator_ = to_string(requirement.op);
            if (!requirement.values.empty()) {
                api::List<api::String>& values = out.values.emplace();
                for (std::string_view value : requirement.values)
                    values.push_back(value);
            }
            terms.push_back(out);
        }
    }
    term.topologyKey = hostname_topology_key;
    core::Affinity affinity;
    affinity.podAntiAffinity.emplace()
        .requiredDuringSchedulingIgnoredDuringExecution.emplace()
        .push_back(term);
    return affinity;
}

} // namespace

api::core::v1::Container to_model(const Container& container, const PodOwner& owner,
                                  TextArena& arena) {
    core::Container model;
    model.name = container.name();
    model.image = container.image();
    if (!container.args().empty()) {
        api::List<api::String>& args = model.args.emplace();
        for (std::string_view argument : container.args())
            args.push_back(argument);
    }
    if (!container.ports().empty()) {
        api::List<core::ContainerPort>& ports = model.ports.emplace();
        for (const ContainerPort& port : container.ports()) {
            core::ContainerPort out;
            if (!port.name.empty()) out.name = port.name;
            out.containerPort = port.number;
            out.protocol = to_string(port.protocol);
            ports.push_back(out);
        }
    }
    if (!container.env().empty()) {
        api::List<core::EnvVar>& env = model.env.emplace();
        for (const EnvVar& var : container.env()) {
            core::EnvVar out;
            out.name = var.name;
            if (var.from_key)
                out.valueFrom = key_source(var.key);
            else
                out.value = to_model_detail::resolve(var.value, var.environment, var.required,
                                                     owner.metadata, owner.kind,
                                                     "env " + std::string(var.name), arena);
            env.push_back(out);
        }
    }
    if (!container.env_from().empty()) {
        api::List<core::EnvFromSource>& env_from = model.envFrom.emplace();
        for (const DataRef& source : container.env_from())
            env_from.push_back(env_from_source(source));
    }
    if (const Resources& r = container.resources(); !r.empty()) {
        core::ResourceRequirements& resources = model.resources.emplace();
        resources.limits = resource_pair(r.cpu_limit, r.memory_limit);
        resources.requests = resource_pair(r.cpu_request, r.memory_request);
    }
    if (!container.mounts().empty()) {
        api::List<core::VolumeMount>& mounts = model.volumeMounts.emplace();
        for (const VolumeMount& mount : container.mounts()) {
            core::VolumeMount out;
            out.name = mount.volume;
            out.mountPath = mount.path;
            if (mount.read_only) out.readOnly = true;
            mounts.push_back(out);
        }
    }
    return model;
}

api::core::v1::Volume to_model(const Volume& volume) {
    core::Volume model;
    model.name = volume.name;
    switch (volume.source) {
    case VolumeSource::PersistentVolumeClaim:
        model.persistentVolumeClaim.emplace().claimName = volume.reference;
        break;
    case VolumeSource::ConfigMap:
        model.configMap.emplace().name = volume.reference;
        break;
    case VolumeSource::Secret:
        model.secret.emplace().secretName = volume.reference;
        break;
    case VolumeSource::HostPath:
        model.hostPath.emplace().path = volume.reference;
        break;
    }
    return model;
}

api::core::v1::PodTemplateSpec to_model(const PodTemplate& pod, const PodOwner& owner,
                                        TextArena& arena) {
    core::PodTemplateSpec model;
    model.metadata.emplace().labels = to_model_detail::to_map(pod.labels);
    core::PodSpec& spec = model.spec.emplace();
    for (const Container& container : pod.containers)
        spec.containers.push_back(to_model(container, owner, arena));
    if (const auto volumes = pod.volumes(); !volumes.empty()) {
        api::List<core::Volume>& out = spec.volumes.emplace();
        for (const Volume& volume : volumes)
            out.push_back(to_model(volume));
    }
    spec.restartPolicy = to_string(pod.restart_policy);
    if (!pod.service_account.empty()) spec.serviceAccountName = pod.service_account;
    if (pod.spread_over_nodes) spec.affinity = spread_over_nodes(pod, owner.selector);
    if (pod.tolerate_every_taint) {
        core::Toleration every_taint;
        every_taint.operator_ = "Exists";
        spec.tolerations.emplace().push_back(every_taint);
    }
    return model;
}

} // namespace kubestack::emitter
