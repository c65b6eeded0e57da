// Pod templates and containers: what every workload kind shares.
#include "environment_value.hpp"
#include "metadata.hpp"

#include <string>

namespace kubestack::emitter {

namespace core = api::core::v1;

namespace {

using to_model_detail::strings;

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

api::IntOrString port_ref(const ContainerPortRef& port) {
    if (port.name.empty()) return port.number;
    return port.name;
}

core::ExecAction exec_action(const Action& action) {
    core::ExecAction exec;
    exec.command = strings(action.command());
    return exec;
}

core::HTTPGetAction http_get_action(const Action& action) {
    core::HTTPGetAction http;
    http.path = action.path();
    http.port = port_ref(action.port());
    if (action.scheme()) http.scheme = *action.scheme() == Scheme::HTTPS ? "HTTPS" : "HTTP";
    if (!action.headers().empty()) {
        api::List<core::HTTPHeader>& headers = http.httpHeaders.emplace();
        for (const HttpHeader& header : action.headers())
            headers.push_back({header.name, header.value});
    }
    return http;
}

core::Probe to_model(const Probe& probe) {
    core::Probe model;
    const Action& action = probe.action();
    switch (action.kind()) {
    case ActionKind::Exec:
        model.exec = exec_action(action);
        break;
    case ActionKind::HttpGet:
        model.httpGet = http_get_action(action);
        break;
    case ActionKind::TcpSocket:
        model.tcpSocket.emplace().port = port_ref(action.port());
        break;
    case ActionKind::Grpc: {
        core::GRPCAction& grpc = model.grpc.emplace();
        grpc.port = action.port().number;
        if (!action.grpc_service().empty()) grpc.service = action.grpc_service();
        break;
    }
    }
    if (probe.initial_delay()) model.initialDelaySeconds = *probe.initial_delay();
    if (probe.period()) model.periodSeconds = *probe.period();
    if (probe.timeout()) model.timeoutSeconds = *probe.timeout();
    if (probe.success_threshold()) model.successThreshold = *probe.success_threshold();
    if (probe.failure_threshold()) model.failureThreshold = *probe.failure_threshold();
    return model;
}

// Hooks run exec or httpGet only (Container::postStart and preStop check it).
core::LifecycleHandler to_model(const Action& hook) {
    core::LifecycleHandler model;
    if (hook.kind() == ActionKind::HttpGet)
        model.httpGet = http_get_action(hook);
    else
        model.exec = exec_action(hook);
    return model;
}

template <class Self>
void run_as(const RunAs<Self>& security, auto& model) {
    if (security.user()) model.runAsUser = *security.user();
    if (security.group()) model.runAsGroup = *security.group();
    if (security.non_root()) model.runAsNonRoot = *security.non_root();
    if (security.seccomp()) model.seccompProfile.emplace().type = to_string(*security.seccomp());
}

core::SecurityContext to_model(const ContainerSecurity& security) {
    core::SecurityContext model;
    run_as(security, model);
    if (security.allow_privilege_escalation())
        model.allowPrivilegeEscalation = *security.allow_privilege_escalation();
    if (security.is_privileged()) model.privileged = *security.is_privileged();
    if (security.read_only_root_filesystem())
        model.readOnlyRootFilesystem = *security.read_only_root_filesystem();
    if (!security.added_capabilities().empty() || !security.dropped_capabilities().empty()) {
        core::Capabilities& capabilities = model.capabilities.emplace();
        if (!security.added_capabilities().empty())
            capabilities.add = strings(security.added_capabilities());
        if (!security.dropped_capabilities().empty())
            capabilities.drop = strings(security.dropped_capabilities());
    }
    return model;
}

core::PodSecurityContext to_model(const PodSecurity& security) {
    core::PodSecurityContext model;
    run_as(security, model);
    if (security.fs_group()) model.fsGroup = *security.fs_group();
    return model;
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
            if (!requirement.values.empty()) out.values = strings(requirement.values);
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
    if (container.image_pull_policy())
        model.imagePullPolicy = to_string(*container.image_pull_policy());
    if (!container.command().empty()) model.command = strings(container.command());
    if (!container.args().empty()) model.args = strings(container.args());
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
            else if (var.from_field)
                out.valueFrom.emplace().fieldRef.emplace().fieldPath = var.value;
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
    if (const Probe* probe = container.check(CheckKind::Liveness))
        model.livenessProbe = to_model(*probe);
    if (const Probe* probe = container.check(CheckKind::Readiness))
        model.readinessProbe = to_model(*probe);
    if (const Probe* probe = container.check(CheckKind::Startup))
        model.startupProbe = to_model(*probe);
    if (const Probe* hook = container.check(CheckKind::PostStart))
        model.lifecycle.emplace().postStart = to_model(hook->action());
    if (const Probe* hook = container.check(CheckKind::PreStop))
        model.lifecycle.emplace().preStop = to_model(hook->action());
    if (!container.security().empty()) model.securityContext = to_model(container.security());
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
    case VolumeSource::EmptyDir: {
        core::EmptyDirVolumeSource& empty_dir = model.emptyDir.emplace();
        if (volume.medium == StorageMedium::Memory) empty_dir.medium = "Memory";
        if (!volume.reference.empty()) empty_dir.sizeLimit = volume.reference;
        break;
    }
    }
    return model;
}

api::core::v1::PodTemplateSpec to_model(const PodTemplate& pod, const PodOwner& owner,
                                        TextArena& arena) {
    core::PodTemplateSpec model;
    api::meta::v1::ObjectMeta& metadata = model.metadata.emplace();
    metadata.labels = to_model_detail::to_map(pod.labels);
    metadata.annotations = to_model_detail::to_map(pod.annotations);
    core::PodSpec& spec = model.spec.emplace();
    for (Container container : pod.containers) {
        if (pod.hardened) container.securityContext(pod.effective_security(container));
        if (container.is_init())
            spec.initContainers.emplace().push_back(to_model(container, owner, arena));
        else
            spec.containers.push_back(to_model(container, owner, arena));
    }
    if (const auto volumes = pod.volumes(); !volumes.empty()) {
        api::List<core::Volume>& out = spec.volumes.emplace();
        for (const Volume& volume : volumes)
            out.push_back(to_model(volume));
    }
    spec.restartPolicy = to_string(pod.restart_policy);
    if (!pod.service_account.empty()) spec.serviceAccountName = pod.service_account;
    if (const auto mounted = pod.token_mounted(owner.account_bound))
        spec.automountServiceAccountToken = *mounted;
    if (pod.host_network) spec.hostNetwork = true;
    if (pod.host_pid) spec.hostPID = true;
    if (pod.host_ipc) spec.hostIPC = true;
    if (const auto grace = detail::given(pod.termination_grace_period_seconds))
        spec.terminationGracePeriodSeconds = *grace;
    if (const PodSecurity security = pod.effective_security(); !security.empty())
        spec.securityContext = to_model(security);
    if (pod.spread_over_nodes) spec.affinity = spread_over_nodes(pod, owner.selector);
    if (pod.tolerate_every_taint) {
        core::Toleration every_taint;
        every_taint.operator_ = "Exists";
        spec.tolerations.emplace().push_back(every_taint);
    }
    return model;
}

} // namespace kubestack::emitter
