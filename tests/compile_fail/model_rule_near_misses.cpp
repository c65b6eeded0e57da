// The near misses of tests/compile_fail/model_rules/: objects of the typed model that come
// close to each broken rule and keep it. The stack must compile and run.
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

namespace {

// container_without_image, selector_misses_own_pods, probe_handler_count,
// request_exceeds_limit, port_out_of_range, port_name_invalid, container_name_not_a_label,
// env_var_name_invalid, mount_path_invalid, volume_source_count, probe_value_out_of_range,
// image_reference_invalid, pod_without_container, replicas_negative,
// privileged_container_forbids_escalation: each value at the edge the rule allows.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().replicas = 0;
    d.spec->selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata->labels->push_back({"tier", "front"});
    core::Container c;
    c.name = "web-server";
    c.image = "registry.example.com:5000/team/nginx:1.27";
    c.ports.emplace().push_back({80, {}, {}, "http"});
    c.ports->push_back({65535, {}, {}, "metrics"});
    c.env.emplace().push_back({"MODE_1", "fast"});
    c.volumeMounts.emplace().push_back({"/data", {}, "data"});
    c.readinessProbe.emplace().httpGet.emplace().port = 80;
    c.readinessProbe->successThreshold = 2;
    c.livenessProbe.emplace().tcpSocket.emplace().port = 80;
    c.livenessProbe->successThreshold = 1;
    c.resources.emplace().requests.emplace().push_back({"memory", "1Gi"});
    c.resources->limits.emplace().push_back({"memory", "1073741824"});
    c.securityContext.emplace().privileged = true;
    c.securityContext->allowPrivilegeEscalation = true;
    auto& pod = d.spec->template_.spec.emplace();
    pod.containers.push_back(c);
    core::Volume data;
    data.name = "data";
    data.emptyDir.emplace();
    pod.volumes.emplace().push_back(data);
    // anti_affinity_selects_no_pod: a required term that selects the pods' own label by
    // expression; one that looks in another namespace, and a preferred one that selects
    // no pod, which the rule leaves alone.
    core::PodAffinityTerm own;
    api::meta::v1::LabelSelectorRequirement web_or_canary{"app", "In", {}};
    web_or_canary.values.emplace().push_back("web-canary");
    web_or_canary.values->push_back("web");
    own.labelSelector.emplace().matchExpressions.emplace().push_back(web_or_canary);
    own.topologyKey = "kubernetes.io/hostname";
    core::PodAffinityTerm elsewhere = own;
    elsewhere.labelSelector->matchExpressions->front().values = {};
    elsewhere.labelSelector->matchExpressions->front().values.emplace().push_back("cache");
    elsewhere.namespaces.emplace().push_back("caches");
    auto& spread = pod.affinity.emplace().podAntiAffinity.emplace();
    spread.requiredDuringSchedulingIgnoredDuringExecution.emplace().push_back(own);
    spread.requiredDuringSchedulingIgnoredDuringExecution->push_back(elsewhere);
    elsewhere.namespaces = {};
    spread.preferredDuringSchedulingIgnoredDuringExecution.emplace().push_back({elsewhere, 10});
    return d;
}

// autoscaler_bounds_invalid: from 2 to 3 replicas.
constexpr api::autoscaling::v2::HorizontalPodAutoscaler web_autoscaler() {
    api::autoscaling::v2::HorizontalPodAutoscaler autoscaler;
    autoscaler.metadata.emplace().name = "web";
    autoscaler.spec.scaleTargetRef = {"apps/v1", "Deployment", "web"};
    autoscaler.spec.minReplicas = 2;
    autoscaler.spec.maxReplicas = 3;
    return autoscaler;
}

// disruption_budget_both_bounds: minAvailable only.
constexpr api::policy::v1::PodDisruptionBudget web_budget() {
    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "web";
    budget.spec.emplace().minAvailable = 1;
    budget.spec->selector.emplace().matchLabels.emplace().push_back({"app", "web"});
    return budget;
}

// node_port_on_cluster_ip_service: the node port on a NodePort Service.
constexpr core::Service web_service() {
    core::Service s;
    s.metadata.emplace().name = "web";
    auto& spec = s.spec.emplace();
    spec.type = "NodePort";
    spec.selector.emplace().push_back({"app", "web"});
    core::ServicePort port;
    port.port = 80;
    port.nodePort = 30080;
    port.targetPort = "http";
    spec.ports.emplace().push_back(port);
    return s;
}

// claim_without_size, quantity_malformed: 1G.
constexpr core::PersistentVolumeClaim data() {
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    claim.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    claim.spec->resources.emplace().requests.emplace().push_back({"storage", "1G"});
    return claim;
}

// object_name_invalid: a lowercase name, with a dot, as a subdomain may have.
// label_invalid: a prefixed key, and a value with a dash. config_key_invalid: a key with a
// dot.
constexpr core::ConfigMap settings() {
    core::ConfigMap config;
    config.metadata.emplace().name = "settings.v2";
    config.metadata->labels.emplace().push_back({"app.kubernetes.io/part-of", "front-end"});
    config.data.emplace().push_back({"default.conf", "server {}"});
    return config;
}

// restart_policy_invalid: a Job's pods restart Never.
constexpr api::batch::v1::Job migrate() {
    api::batch::v1::Job job;
    job.metadata.emplace().name = "migrate";
    core::Container c;
    c.name = "migrate";
    c.image = "migrate:1";
    auto& pod = job.spec.emplace().template_.spec.emplace();
    pod.containers.push_back(c);
    pod.restartPolicy = "Never";
    return job;
}

// selector_term_invalid: Exists with no values, beside In with one.
constexpr api::apps::v1::DaemonSet agent() {
    api::apps::v1::DaemonSet set;
    set.metadata.emplace().name = "agent";
    api::meta::v1::LabelSelectorRequirement exists;
    exists.key = "app";
    exists.operator_ = "Exists";
    api::meta::v1::LabelSelectorRequirement in;
    in.key = "app";
    in.operator_ = "In";
    in.values.emplace().push_back("agent");
    set.spec.emplace().selector.matchExpressions.emplace().push_back(exists);
    set.spec->selector.matchExpressions->push_back(in);
    set.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "agent"});
    core::Container c;
    c.name = "agent";
    c.image = "agent:1";
    set.spec->template_.spec.emplace().containers.push_back(c);
    return set;
}

// persistent_volume_incomplete: a capacity and an access mode.
constexpr core::PersistentVolume disk() {
    core::PersistentVolume volume;
    volume.metadata.emplace().name = "disk";
    volume.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    volume.spec->capacity.emplace().push_back({"storage", "10Gi"});
    volume.spec->hostPath.emplace().path = "/srv/disk";
    return volume;
}

// ingress_path_invalid: an absolute Prefix path, and an absolute ImplementationSpecific one.
constexpr api::networking::v1::Ingress web_ingress() {
    api::networking::v1::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    api::networking::v1::HTTPIngressPath path;
    path.path = "/api";
    path.pathType = "Prefix";
    path.backend.service.emplace().name = "web";
    path.backend.service->port.emplace().number = 80;
    api::networking::v1::IngressRule rule;
    rule.http.emplace().paths.push_back(path);
    path.path = "/static";
    path.pathType = "ImplementationSpecific";
    rule.http->paths.push_back(path);
    ingress.spec.emplace().rules.emplace().push_back(rule);
    return ingress;
}

// cidr_invalid: a /16 with a /24 inside it left out.
constexpr api::networking::v1::NetworkPolicy web_policy() {
    api::networking::v1::NetworkPolicy policy;
    policy.metadata.emplace().name = "web";
    api::networking::v1::NetworkPolicyPeer peer;
    peer.ipBlock.emplace().cidr = "10.0.0.0/16";
    peer.ipBlock->except.emplace().push_back("10.0.1.0/24");
    api::networking::v1::NetworkPolicyIngressRule allowed;
    allowed.from.emplace().push_back(peer);
    policy.spec.emplace().ingress.emplace().push_back(allowed);
    policy.spec->podSelector.emplace().matchLabels.emplace().push_back({"app", "web"});
    return policy;
}

// policy_rule_incomplete: a verb and a resource.
constexpr api::rbac::v1::Role reader() {
    api::rbac::v1::Role role;
    role.metadata.emplace().name = "reader";
    api::rbac::v1::PolicyRule read;
    read.apiGroups.emplace().push_back("");
    read.resources.emplace().push_back("pods");
    read.verbs.push_back("get");
    role.rules.emplace().push_back(read);
    return role;
}

// role_missing, subject_missing, created_elsewhere_not_referred (model_reference_missing):
// a binding of the Role the stack applies to the "default" ServiceAccount, which every
// namespace has, and one of the built-in ClusterRole "view", declared with refersTo().
constexpr api::rbac::v1::RoleBinding readers() {
    api::rbac::v1::RoleBinding binding;
    binding.metadata.emplace().name = "readers";
    binding.roleRef = {"rbac.authorization.k8s.io", "Role", "reader"};
    binding.subjects.emplace().push_back({{}, "ServiceAccount", "default", {}});
    return binding;
}
constexpr api::rbac::v1::RoleBinding viewers() {
    api::rbac::v1::RoleBinding binding;
    binding.metadata.emplace().name = "viewers";
    binding.roleRef = {"rbac.authorization.k8s.io", "ClusterRole", "view"};
    binding.subjects.emplace().push_back({{}, "User", "jane", {}});
    return binding;
}

// cluster_scoped_object_takes_no_namespace: a ClusterRole whose metadata says a namespace,
// as Helm charts' often do, is in none, so the namespace "monitoring" need not exist.
constexpr api::rbac::v1::ClusterRole metrics_reader() {
    api::rbac::v1::ClusterRole role;
    role.metadata.emplace().name = "metrics-reader";
    role.metadata->namespace_ = "monitoring";
    role.rules.emplace();
    return role;
}

// in_namespace_names_another_namespace_than_the_objects_metadata: the namespace object
// names the one the metadata says, which exists without the stack creating it.
constexpr api::core::v1::ConfigMap shop_settings() {
    api::core::v1::ConfigMap config;
    config.metadata.emplace().name = "settings";
    config.metadata->namespace_ = "shop";
    return config;
}

constexpr Stack model_near_misses() {
    return stack().apply(
        object<web>(), object<web_service>(), object<web_autoscaler>(), object<web_budget>(),
        object<data>(), object<settings>(), object<migrate>(), object<agent>(), object<disk>(),
        object<web_ingress>(), object<web_policy>(), object<reader>(), object<readers>(),
        object<metrics_reader>(),
        object<viewers>().refersTo(clusterRole("view").createdElsewhere()),
        object<shop_settings>().inNamespace(namespace_("shop").createdElsewhere()));
}

} // namespace

int main(int argc, char** argv) {
    return run<model_near_misses>(argc, argv);
}
