// Kubernetes' validation of objects of the typed model (model_rules.hpp): for each rule, an
// object that breaks it and a near miss that does not, with the message as the build
// error prints it. The rules are constexpr functions; here they run at run time, so that a
// failure shows the messages. The compile-fail cases in tests/compile_fail/model_rules/
// show that a stack holding such an object does not compile.
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/model_rules.hpp>
#include <kubestack/object.hpp>
#include <kubestack/stack_rules.hpp>
#include <string>
#include <vector>

using namespace kubestack;
namespace core = api::core::v1;
namespace apps = api::apps::v1;

namespace {

struct Found {
    std::vector<StackRule> rules;
    std::vector<std::string> messages;
};

template <class Model>
Found check(const Model& object) {
    detail::RuleReport report;
    detail::ModelRules(report).check(object);
    Found found;
    for (const Violation& violation : report.take()) {
        found.rules.push_back(violation.rule);
        found.messages.emplace_back(std::string_view(violation.message));
    }
    return found;
}

constexpr core::Container model_container(std::string_view name = "web") {
    core::Container c;
    c.name = name;
    c.image = "nginx:1.27";
    return c;
}

constexpr core::ContainerPort port(std::int32_t number, std::string_view name) {
    core::ContainerPort p;
    p.containerPort = number;
    p.name = name;
    return p;
}

// A Deployment that passes every rule: selector and labels agree, one container.
constexpr apps::Deployment deployment_of(const core::Container& c) {
    apps::Deployment d;
    d.metadata.emplace().name = "web";
    auto& spec = d.spec.emplace();
    spec.selector.matchLabels.emplace().push_back({"app", "web"});
    spec.template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    spec.template_.spec.emplace().containers.push_back(c);
    return d;
}

constexpr core::Service service_of(std::string_view type, std::int32_t node_port) {
    core::Service s;
    s.metadata.emplace().name = "web";
    auto& spec = s.spec.emplace();
    spec.type = type;
    core::ServicePort p;
    p.port = 80;
    if (node_port != 0) p.nodePort = node_port;
    spec.ports.emplace().push_back(p);
    return s;
}

core::Probe http_probe() {
    core::Probe probe;
    probe.httpGet.emplace().port = 8080;
    return probe;
}

} // namespace

TEST_CASE("a valid Deployment, Service and claim break no rule", "[model_rules]") {
    CHECK(check(deployment_of(model_container())).messages.empty());
    CHECK(check(service_of("NodePort", 30080)).messages.empty());
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    auto& spec = claim.spec.emplace();
    spec.accessModes.emplace().push_back("ReadWriteOnce");
    spec.resources.emplace().requests.emplace().push_back({"storage", "1Gi"});
    CHECK(check(claim).messages.empty());
}

TEST_CASE("containers: an image, unique ports, mounts and env, valid values", "[model_rules]") {
    core::Container no_image = model_container();
    no_image.image = {};
    CHECK(check(deployment_of(no_image)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].image: )"
                                   R"(container "web" has no image)"});

    core::Container url = model_container();
    url.image = "https://nginx";
    CHECK(check(deployment_of(url)).rules == std::vector{StackRule::image_reference_invalid});
    url.image = "registry.example.com:5000/team/nginx:1.27"; // near miss
    CHECK(check(deployment_of(url)).rules.empty());

    core::Container ports = model_container();
    ports.ports.emplace().push_back(port(80, "http"));
    ports.ports->push_back(port(8080, "http"));
    CHECK(check(deployment_of(ports)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].ports[1].)"
                                   R"(name: "http" is used twice)"});
    (*ports.ports)[1].name = "admin"; // near miss
    CHECK(check(deployment_of(ports)).rules.empty());
    (*ports.ports)[1].containerPort = 80;
    CHECK(check(deployment_of(ports)).rules == std::vector{StackRule::duplicate_container_port});
    (*ports.ports)[1].protocol = "UDP"; // near miss: 80/UDP beside 80/TCP
    CHECK(check(deployment_of(ports)).rules.empty());
    (*ports.ports)[1].protocol = "udp";
    CHECK(check(deployment_of(ports)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].ports[1].)"
                                   R"(protocol: "udp" is not one of TCP, UDP, SCTP)"});

    core::Container out_of_range = model_container();
    out_of_range.ports.emplace().push_back(port(70000, "http"));
    CHECK(check(deployment_of(out_of_range)).rules == std::vector{StackRule::port_out_of_range});
    (*out_of_range.ports)[0] = port(65535, "http-is-too-long");
    CHECK(check(deployment_of(out_of_range)).rules == std::vector{StackRule::port_name_invalid});

    core::Container mounts = model_container();
    mounts.volumeMounts.emplace().push_back({"/data", {}, "data"});
    mounts.volumeMounts->push_back({"/data", {}, "cache"});
    apps::Deployment with_volumes = deployment_of(mounts);
    auto& volumes = with_volumes.spec->template_.spec->volumes.emplace();
    for (std::string_view name : {"data", "cache"}) {
        core::Volume volume;
        volume.name = name;
        volume.emptyDir.emplace();
        volumes.push_back(volume);
    }
    CHECK(check(with_volumes).rules == std::vector{StackRule::duplicate_mount_path});
    (*with_volumes.spec->template_.spec->containers[0].volumeMounts)[1].mountPath = "/cache";
    CHECK(check(with_volumes).rules.empty());
    (*with_volumes.spec->template_.spec->containers[0].volumeMounts)[1].mountPath = "C:/cache";
    CHECK(check(with_volumes).rules == std::vector{StackRule::mount_path_invalid});

    core::Container env = model_container();
    env.env.emplace().push_back({"MODE", "a"});
    env.env->push_back({"MODE", "b"});
    CHECK(check(deployment_of(env)).rules == std::vector{StackRule::duplicate_env_var});
    (*env.env)[1].name = "LEVEL";
    CHECK(check(deployment_of(env)).rules.empty());
    (*env.env)[1].name = "1LEVEL";
    CHECK(check(deployment_of(env)).rules == std::vector{StackRule::env_var_name_invalid});

    core::Container named = model_container("Web");
    CHECK(check(deployment_of(named)).rules == std::vector{StackRule::container_name_not_a_label});
}

TEST_CASE("pods: containers, unique names, mounts of their own volumes", "[model_rules]") {
    apps::Deployment empty = deployment_of(model_container());
    empty.spec->template_.spec->containers = {};
    CHECK(check(empty).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers: a pod )"
                                   R"(needs at least one container)"});

    apps::Deployment twice = deployment_of(model_container());
    twice.spec->template_.spec->initContainers.emplace().push_back(model_container());
    CHECK(check(twice).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].name: )"
                                   R"(the pod has two containers named "web")"});
    (*twice.spec->template_.spec->initContainers)[0].name = "init";
    CHECK(check(twice).rules.empty());

    core::Container mounts = model_container();
    mounts.volumeMounts.emplace().push_back({"/data", {}, "data"});
    apps::Deployment unmounted = deployment_of(mounts);
    CHECK(check(unmounted).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                   R"(volumeMounts[0].name: "data" is no volume of the pod)"});
    core::Volume data;
    data.name = "data";
    unmounted.spec->template_.spec->volumes.emplace().push_back(data);
    // Now it names a volume, one with no source.
    CHECK(check(unmounted).rules == std::vector{StackRule::volume_source_count});
    (*unmounted.spec->template_.spec->volumes)[0].emptyDir.emplace();
    CHECK(check(unmounted).rules.empty());
    (*unmounted.spec->template_.spec->volumes)[0].configMap.emplace().name = "settings";
    CHECK(check(unmounted).rules == std::vector{StackRule::volume_source_count});
    (*unmounted.spec->template_.spec->volumes)[0].emptyDir = {};
    unmounted.spec->template_.spec->volumes->push_back(
        (*unmounted.spec->template_.spec->volumes)[0]);
    CHECK(check(unmounted).rules == std::vector{StackRule::duplicate_volume_name});
}

TEST_CASE("a StatefulSet's containers mount its claim templates by name", "[model_rules]") {
    // Cassandra's published StatefulSet mounts "cassandra-data", its one claim template.
    core::Container mounts = model_container();
    mounts.volumeMounts.emplace().push_back({"/data", {}, "data"});
    apps::StatefulSet set;
    set.metadata.emplace().name = "web";
    apps::StatefulSetSpec& spec = set.spec.emplace();
    spec.selector.matchLabels.emplace().push_back({"app", "web"});
    spec.template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    spec.template_.spec.emplace().containers.push_back(mounts);
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "logs";
    claim.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    claim.spec->resources.emplace().requests.emplace().push_back({"storage", "1Gi"});
    spec.volumeClaimTemplates.emplace().push_back(claim);
    CHECK(check(set).messages ==
          std::vector<std::string>{R"(StatefulSet "web": spec.template.spec.containers[0].)"
                                   R"(volumeMounts[0].name: "data" is no volume of the pod)"});
    (*spec.volumeClaimTemplates)[0].metadata->name = "data";
    CHECK(check(set).rules.empty());
    // A Deployment has no claim templates: the same mount names no volume there.
    CHECK(check(deployment_of(mounts)).rules == std::vector{StackRule::volume_not_defined});
}

TEST_CASE("probes have one handler and usable timings", "[model_rules]") {
    core::Container c = model_container();
    c.readinessProbe = core::Probe{};
    CHECK(check(deployment_of(c)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                   R"(readinessProbe: a probe has exactly one of exec, httpGet, )"
                                   R"(tcpSocket and grpc, not 0)"});
    c.readinessProbe = http_probe();
    CHECK(check(deployment_of(c)).rules.empty());
    c.readinessProbe->tcpSocket.emplace().port = 8080;
    CHECK(check(deployment_of(c)).rules == std::vector{StackRule::probe_handler_count});

    c.readinessProbe = http_probe();
    c.readinessProbe->periodSeconds = 0;
    CHECK(check(deployment_of(c)).rules == std::vector{StackRule::probe_value_out_of_range});
    c.readinessProbe->periodSeconds = 1;
    c.readinessProbe->successThreshold = 3; // a readiness probe may ask for 3
    CHECK(check(deployment_of(c)).rules.empty());
    c.livenessProbe = *c.readinessProbe;
    CHECK(check(deployment_of(c)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                   R"(livenessProbe.successThreshold: must be 1)"});
}

TEST_CASE("a request is at most its limit, and quantities parse", "[model_rules]") {
    core::Container c = model_container();
    auto& resources = c.resources.emplace();
    resources.requests.emplace().push_back({"memory", "2Gi"});
    resources.limits.emplace().push_back({"memory", "1Gi"});
    CHECK(
        check(deployment_of(c)).messages ==
        std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                 R"(resources.requests[memory]: 2Gi is more than its limit 1Gi)"});
    (*resources.requests)[0].value = "1073741824"; // near miss: equal, in bytes
    CHECK(check(deployment_of(c)).rules.empty());
    resources.requests->push_back({"cpu", "1500m"});
    resources.limits->push_back({"cpu", "1.5"});
    CHECK(check(deployment_of(c)).rules.empty());
    (*resources.limits)[1].value = "1e0"; // 1 core
    CHECK(check(deployment_of(c)).rules == std::vector{StackRule::request_exceeds_limit});
    (*resources.limits)[1].value = "1.5 cores";
    CHECK(check(deployment_of(c)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                   R"(resources.limits[cpu]: "1.5 cores" is no quantity (a )"
                                   R"(number with a suffix such as Mi, Gi, m or k, as in 512Mi )"
                                   R"(or 250m))"});
}

TEST_CASE("a privileged container may escalate its privileges", "[model_rules]") {
    core::Container c = model_container();
    c.securityContext.emplace().privileged = true;
    c.securityContext->allowPrivilegeEscalation = false;
    CHECK(check(deployment_of(c)).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.template.spec.containers[0].)"
                                   R"(securityContext.allowPrivilegeEscalation: must not be )"
                                   R"(false on a privileged container)"});
    c.securityContext->allowPrivilegeEscalation = true; // near miss
    CHECK(check(deployment_of(c)).rules.empty());
    c.securityContext->privileged = false;
    c.securityContext->allowPrivilegeEscalation = false;
    CHECK(check(deployment_of(c)).rules.empty());
}

TEST_CASE("Services: ports, types, node ports and names", "[model_rules]") {
    CHECK(check(service_of("ClusterIP", 30080)).messages ==
          std::vector<std::string>{R"(Service "web": spec.ports[0].nodePort: a Service of type )"
                                   R"(ClusterIP has no node ports; use type NodePort or )"
                                   R"(LoadBalancer)"});
    CHECK(check(service_of("LoadBalancer", 30080)).rules.empty());
    CHECK(check(service_of("Nodeport", 0)).rules == std::vector{StackRule::value_not_in_enum});

    core::Service headless = service_of("NodePort", 0);
    headless.spec->clusterIP = "None";
    CHECK(check(headless).rules == std::vector{StackRule::headless_service_with_node_ports});
    headless.spec->type = "ClusterIP";
    CHECK(check(headless).rules.empty());
    headless.spec->ports = {};
    CHECK(check(headless).rules.empty()); // a headless Service needs no port
    headless.spec->clusterIP = {};
    CHECK(check(headless).rules == std::vector{StackRule::service_without_port});

    core::Service two = service_of("ClusterIP", 0);
    two.spec->ports->push_back((*two.spec->ports)[0]);
    CHECK(check(two).rules == std::vector{StackRule::unnamed_port_among_several,
                                          StackRule::unnamed_port_among_several,
                                          StackRule::duplicate_service_port});
    (*two.spec->ports)[0].name = "http";
    (*two.spec->ports)[1].name = "http";
    (*two.spec->ports)[1].port = 8080;
    CHECK(check(two).rules == std::vector{StackRule::duplicate_service_port});
    (*two.spec->ports)[1].name = "admin";
    CHECK(check(two).rules.empty());
    (*two.spec->ports)[1].targetPort = "admin-port-too-long";
    CHECK(check(two).rules == std::vector{StackRule::port_name_invalid});

    core::Service named = service_of("ClusterIP", 0);
    named.metadata->name = "2048-game";
    CHECK(check(named).messages ==
          std::vector<std::string>{R"(Service "2048-game": metadata.name: a Service's name is a )"
                                   R"(DNS-1035 label (at most 63 lowercase alphanumerics or '-', )"
                                   R"(starting with a letter))"});
}

TEST_CASE("what the API server accepts is accepted: equal quantities in other units, "
          "zero ports it defaults, capitals in an annotation prefix, names of other kinds",
          "[model_rules]") {
    core::Container c = model_container();
    c.resources.emplace().requests.emplace().push_back({"cpu", "700m"});
    c.resources->limits.emplace().push_back({"cpu", "0.7"});
    c.ports.emplace().push_back({80, {}, 0, "http"}); // hostPort 0: none
    apps::Deployment d = deployment_of(c);
    d.metadata->annotations.emplace().push_back({"Example.COM/owner", "web"});
    CHECK(check(d).messages.empty());

    core::Service s = service_of("ClusterIP", 0);
    (*s.spec->ports)[0].nodePort = 0;   // asks for none
    (*s.spec->ports)[0].targetPort = 0; // defaulted to the port
    CHECK(check(s).messages.empty());

    api::networking::v1::IPAddress address; // named by the address, not a DNS subdomain
    address.metadata.emplace().name = "2001:db8::1";
    CHECK(check(address).messages.empty());
}

TEST_CASE("names and namespaces follow each kind's rule", "[model_rules]") {
    apps::Deployment d = deployment_of(model_container());
    d.metadata->name = "web.v2"; // a subdomain: fine for a Deployment
    CHECK(check(d).rules.empty());
    d.metadata->name = "Web";
    CHECK(check(d).rules == std::vector{StackRule::object_name_invalid});
    d.metadata->name = "web";
    d.metadata->namespace_ = "shop.eu";
    CHECK(check(d).messages ==
          std::vector<std::string>{R"(Deployment "web": metadata.namespace: "shop.eu" is no DNS )"
                                   R"(label (at most 63 lowercase alphanumerics or '-'))"});
}

TEST_CASE("workloads select their own pods", "[model_rules]") {
    apps::Deployment d = deployment_of(model_container());
    d.spec->selector.matchLabels->front().value = "wbe";
    CHECK(check(d).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.selector: the selector does not )"
                                   R"(match the labels of the pod template)"});
    d.spec->selector.matchLabels = {};
    CHECK(check(d).rules == std::vector{StackRule::selector_misses_own_pods}); // empty
    api::meta::v1::LabelSelectorRequirement term;
    term.key = "app";
    term.operator_ = "In";
    term.values.emplace().push_back("web");
    term.values->push_back("api");
    d.spec->selector.matchExpressions.emplace().push_back(term);
    CHECK(check(d).rules.empty());
    (*d.spec->selector.matchExpressions)[0].operator_ = "NotIn";
    CHECK(check(d).rules == std::vector{StackRule::selector_misses_own_pods});
    (*d.spec->selector.matchExpressions)[0].operator_ = "Exists";
    (*d.spec->selector.matchExpressions)[0].values = {};
    CHECK(check(d).rules.empty());
    d.spec->replicas = -1;
    CHECK(check(d).rules == std::vector{StackRule::replicas_negative});
}

TEST_CASE("claims, ingresses, autoscalers and budgets", "[model_rules]") {
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    claim.spec.emplace();
    CHECK(check(claim).rules ==
          std::vector{StackRule::claim_without_size, StackRule::claim_without_access_mode});
    claim.spec->accessModes.emplace().push_back("ReadWriteOnly");
    claim.spec->resources.emplace().requests.emplace().push_back({"storage", "1Gi"});
    CHECK(check(claim).messages ==
          std::vector<std::string>{R"(PersistentVolumeClaim "data": spec.accessModes[0]: )"
                                   R"("ReadWriteOnly" is not one of ReadWriteOnce, ReadOnlyMany, )"
                                   R"(ReadWriteMany, ReadWriteOncePod)"});

    api::networking::v1::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    ingress.spec.emplace();
    CHECK(check(ingress).rules == std::vector{StackRule::ingress_without_rules});
    ingress.spec->defaultBackend.emplace().service.emplace().name = "web";
    CHECK(check(ingress).rules.empty());

    api::autoscaling::v2::HorizontalPodAutoscaler autoscaler;
    autoscaler.metadata.emplace().name = "web";
    autoscaler.spec.maxReplicas = 2;
    autoscaler.spec.minReplicas = 3;
    CHECK(check(autoscaler).messages ==
          std::vector<std::string>{R"(HorizontalPodAutoscaler "web": spec: minReplicas 3 and )"
                                   R"(maxReplicas 2 need 1 <= minReplicas <= maxReplicas)"});
    autoscaler.spec.minReplicas = 2;
    CHECK(check(autoscaler).rules.empty());

    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "web";
    budget.spec.emplace().minAvailable = 1;
    CHECK(check(budget).rules.empty());
    budget.spec->maxUnavailable = "50%";
    CHECK(check(budget).rules == std::vector{StackRule::disruption_budget_both_bounds});
}

TEST_CASE("labels, annotations and selector terms", "[model_rules]") {
    apps::Deployment d = deployment_of(model_container());
    d.metadata->labels.emplace().push_back({"app.kubernetes.io/name", "web"});
    d.metadata->annotations.emplace().push_back({"example.com/owner", "team web"});
    CHECK(check(d).rules.empty());
    d.metadata->labels->push_back({"tier", "front end"});
    CHECK(check(d).messages ==
          std::vector<std::string>{R"(Deployment "web": metadata.labels[tier]: "front end" is )"
                                   R"(no label value (at most 63 alphanumerics, '-', '_' or '.', )"
                                   R"(starting and ending with an alphanumeric))"});
    d.metadata->labels->back().value = "front";
    d.metadata->annotations->push_back({"owner team", "web"});
    CHECK(check(d).rules == std::vector{StackRule::label_invalid});
    d.metadata->annotations->back().key = "owner";

    api::meta::v1::LabelSelectorRequirement term;
    term.key = "app";
    term.operator_ = "Exists";
    d.spec->selector.matchExpressions.emplace().push_back(term);
    CHECK(check(d).rules.empty());
    term.key = "Bad Key";
    d.spec->selector.matchExpressions->front() = term;
    // The pods carry no such key either, so the selector misses them too.
    CHECK(check(d).rules ==
          std::vector{StackRule::selector_misses_own_pods, StackRule::label_invalid});
    CHECK(check(d).messages.back() == R"(Deployment "web": spec.selector.matchExpressions[0].)"
                                      R"(key: "Bad Key" is no label key)");
    term.key = "app";
    term.values.emplace().push_back("web");
    d.spec->selector.matchExpressions->front() = term;
    CHECK(check(d).messages ==
          std::vector<std::string>{R"(Deployment "web": spec.selector.matchExpressions[0]: )"
                                   R"(operator Exists takes no values)"});
    d.spec->selector.matchExpressions->front().operator_ = "in";
    CHECK(check(d).rules == std::vector{StackRule::value_not_in_enum});
    d.spec->selector.matchExpressions->front().operator_ = "In";
    CHECK(check(d).rules.empty());
    d.spec->selector.matchExpressions->front().values = {};
    // A term In no value selects nothing, so the pods are missed too.
    CHECK(check(d).rules ==
          std::vector{StackRule::selector_misses_own_pods, StackRule::selector_term_invalid});
}

TEST_CASE("restart policies: Always for services, OnFailure or Never for Jobs", "[model_rules]") {
    apps::Deployment d = deployment_of(model_container());
    d.spec->template_.spec->restartPolicy = "Always";
    CHECK(check(d).rules.empty());
    d.spec->template_.spec->restartPolicy = "Never";
    CHECK(check(d).rules == std::vector{StackRule::restart_policy_invalid});

    api::batch::v1::Job job;
    job.metadata.emplace().name = "migrate";
    job.spec.emplace().template_.spec.emplace().containers.push_back(model_container());
    CHECK(check(job).messages ==
          std::vector<std::string>{R"(Job "migrate": spec.template.spec.restartPolicy: )"
                                   R"("Always" (the default) is not OnFailure or Never, which )"
                                   R"(the pods of a Job need)"});
    job.spec->template_.spec->restartPolicy = "OnFailure";
    CHECK(check(job).rules.empty());

    api::batch::v1::CronJob nightly; // the Job template is checked as a Job
    nightly.metadata.emplace().name = "nightly";
    nightly.spec.schedule = "0 3 * * *";
    nightly.spec.jobTemplate.spec = job.spec;
    CHECK(check(nightly).rules.empty());
    nightly.spec.jobTemplate.spec->template_.spec->restartPolicy = "Always";
    CHECK(check(nightly).rules == std::vector{StackRule::restart_policy_invalid});
}

TEST_CASE("ConfigMap and Secret keys", "[model_rules]") {
    core::ConfigMap config;
    config.metadata.emplace().name = "settings";
    config.data.emplace().push_back({"app.properties", "a=1"});
    CHECK(check(config).rules.empty());
    config.data->push_back({"app/properties", "a=1"});
    CHECK(check(config).messages ==
          std::vector<std::string>{R"(ConfigMap "settings": data[app/properties]: )"
                                   R"("app/properties" is no key (alphanumerics, '-', '_' or )"
                                   R"('.', not starting with '..'))"});
    config.data->back().key = "..data";
    CHECK(check(config).rules == std::vector{StackRule::config_key_invalid});
    core::Secret secret;
    secret.metadata.emplace().name = "credentials";
    secret.stringData.emplace().push_back({"pass word", "x"});
    CHECK(check(secret).rules == std::vector{StackRule::config_key_invalid});
}

TEST_CASE("volumes, ingress paths, network policies and RBAC rules", "[model_rules]") {
    core::PersistentVolume volume;
    volume.metadata.emplace().name = "disk";
    volume.spec.emplace().hostPath.emplace().path = "/srv/disk";
    CHECK(
        check(volume).messages ==
        std::vector<std::string>{R"(PersistentVolume "disk": spec.capacity: a )"
                                 R"(PersistentVolume has a storage capacity (storage: 10Gi))",
                                 R"(PersistentVolume "disk": spec.accessModes: a )"
                                 R"(PersistentVolume needs an access mode (ReadWriteOnce, ...))"});
    volume.spec->capacity.emplace().push_back({"storage", "10Gi"});
    volume.spec->accessModes.emplace().push_back("ReadWriteOnce");
    CHECK(check(volume).rules.empty());

    api::networking::v1::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    api::networking::v1::HTTPIngressPath path;
    path.path = "api";
    path.pathType = "Prefix";
    path.backend.service.emplace().name = "web";
    api::networking::v1::IngressRule host_rule;
    host_rule.http.emplace().paths.push_back(path);
    ingress.spec.emplace().rules.emplace().push_back(host_rule);
    auto& rule = ingress.spec->rules->front();
    CHECK(check(ingress).messages ==
          std::vector<std::string>{R"(Ingress "web": spec.rules[0].http.paths[0].path: "api" )"
                                   R"(is no absolute path)"});
    rule.http->paths[0].pathType = "ImplementationSpecific";
    CHECK(check(ingress).rules == std::vector{StackRule::ingress_path_invalid});
    rule.http->paths[0].path = {}; // no path at all is fine for ImplementationSpecific
    CHECK(check(ingress).rules.empty());
    rule.http->paths[0].pathType = "prefix";
    CHECK(check(ingress).rules == std::vector{StackRule::value_not_in_enum});

    api::networking::v1::NetworkPolicy policy;
    policy.metadata.emplace().name = "web";
    api::networking::v1::NetworkPolicyPeer peer;
    peer.ipBlock.emplace().cidr = "10.0.0.0/16";
    peer.ipBlock->except.emplace().push_back("10.0.1.0/24");
    api::networking::v1::NetworkPolicyPort port;
    port.port = 8000;
    port.endPort = 8080;
    api::networking::v1::NetworkPolicyIngressRule allowed;
    allowed.from.emplace().push_back(peer);
    allowed.ports.emplace().push_back(port);
    policy.spec.emplace().ingress.emplace().push_back(allowed);
    auto& ingress_rule = policy.spec->ingress->front();
    CHECK(check(policy).rules.empty());
    (*(*ingress_rule.from)[0].ipBlock->except)[0] = "10.1.0.0/24";
    (*ingress_rule.ports)[0].endPort = 7000;
    CHECK(check(policy).messages ==
          std::vector<std::string>{R"(NetworkPolicy "web": spec.ingress[0].from[0].ipBlock.)"
                                   R"(except[0]: "10.1.0.0/24" is no CIDR inside 10.0.0.0/16)",
                                   R"(NetworkPolicy "web": spec.ingress[0].ports[0].endPort: )"
                                   R"(7000 is below port 8000)"});

    api::rbac::v1::Role role;
    role.metadata.emplace().name = "reader";
    api::rbac::v1::PolicyRule read;
    read.resources.emplace().push_back("pods");
    role.rules.emplace().push_back(read);
    CHECK(check(role).messages ==
          std::vector<std::string>{R"(Role "reader": rules[0]: a rule needs at least one verb)"});
    (*role.rules)[0].verbs.push_back("get");
    CHECK(check(role).rules.empty());
    (*role.rules)[0].resources = {};
    CHECK(check(role).rules == std::vector{StackRule::policy_rule_incomplete});
}

namespace {
constexpr apps::Deployment imageless_web() {
    core::Container c = model_container();
    c.image = {};
    return deployment_of(c);
}
constexpr apps::Deployment web() {
    return deployment_of(model_container());
}
} // namespace

TEST_CASE("the whole-stack rules run the model's validation on object<f>()", "[model_rules]") {
    STATIC_REQUIRE(check_stack(stack().apply(object<imageless_web>())).size() == 1);
    STATIC_REQUIRE(check_stack(stack().apply(object<imageless_web>())).front().rule ==
                   StackRule::container_without_image);
    STATIC_REQUIRE(check_stack(stack().apply(object<web>())).empty());
}
