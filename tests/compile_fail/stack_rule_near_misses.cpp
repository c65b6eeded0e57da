// The near miss of every whole-stack rule, in one stack that must compile: each part is
// one step away from a case in stack_rules/.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack near_misses() {
    // 1, 2, 3: a Service by hand that selects poll's pods and targets its ports by name and
    // by number; an Ingress to one of its ports by name.
    const auto poll =
        deployment("poll").image("poll:1").port("http", 80).port("admin", 8080).antiAffinity();
    const auto poll_service =
        service("poll").selector("app", "poll").port("http", 80, "http").port("admin", 8080, 8080);
    // 11: TLS with a Secret of the stack, and one that cert-manager makes.
    const auto poll_tls = secret("poll-tls").data("tls.crt", "...").data("tls.key", "...");
    const auto admin_tls = secret("admin-tls").createdElsewhere();
    const auto poll_ingress = ingress("poll")
                                  .tls(poll_tls, {"poll.dop.io"})
                                  .tls(admin_tls, {"admin.dop.io"})
                                  .route("poll.dop.io", poll_service)
                                  .route("admin.dop.io", "/", poll_service, "admin");

    // 4: keys of a ConfigMap and a Secret in the pod's namespace; a Secret created elsewhere.
    const auto redis_config = configMap("redis").inNamespace("jobs").data("REDIS_HOST", "redis");
    const auto credentials =
        secret("postgres").inNamespace("jobs").data("POSTGRES_USER", "postgres");
    const auto registry = secret("registry").inNamespace("jobs").createdElsewhere();

    // 5: a pod volume shared by name, a claim bound to a larger volume of the same class.
    const auto volume = persistentVolume("data")
                            .capacity("1Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual");
    const auto claim =
        persistentVolumeClaim("data").inNamespace("jobs").boundTo(volume).request("512Mi");

    // 7: an account in the workload's namespace, a role of the stack and a built-in one.
    const auto account = serviceAccount("worker").inNamespace("jobs");
    const auto role =
        clusterRole("worker").rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    const auto view = clusterRole("view").createdElsewhere();

    // 6, 8: extra labels, a sidecar with its own name, one port number over two protocols.
    const auto worker =
        deployment("worker")
            .inNamespace("jobs")
            .image("worker:1")
            .label("tier", "back")
            .serviceAccount(account)
            .env(redis_config.key("REDIS_HOST"))
            .env(credentials.key("POSTGRES_USER"))
            .envFrom(registry)
            .port("dns", 53, Protocol::UDP)
            .port("dns-tcp", 53)
            .mount(claim, "/data")
            .volume(hostPath("logs", "/var/log"))
            .mount("logs", "/logs")
            .container(
                container("shipper").image("shipper:1").mount("logs", "/logs", Access::ReadOnly));

    // 8: the main container renamed, beside an init container that takes the workload's name.
    const auto renamed = deployment("frontend")
                             .inNamespace("jobs")
                             .containerName("server")
                             .image("frontend:1")
                             .initContainer(container("frontend").image("busybox:1"))
                             .container(container("proxy").image("envoy:1"));

    // 8, 9: the same name in two namespaces; two distinct NodePorts.
    const auto poll_in_jobs =
        deployment("poll").inNamespace("jobs").image("poll:1").port("http", 80);
    const auto node_ports = service(poll_in_jobs).nodePort("http", 30021);
    const auto result = deployment("result").image("result:1").port("http", 80);

    // 6: anti-affinity terms written out, matching the pods' chosen selector; 10: a Service
    // with one unnamed port.
    const auto zk = deployment("zk")
                        .selector("app.kubernetes.io/name", "zk")
                        .antiAffinity(labelIn("app.kubernetes.io/name", {"zk"}))
                        .image("zookeeper:3.9")
                        .port(2181);

    return stack()
        .targets("1.19") // the first version that serves networking.k8s.io/v1 Ingresses
        .apply(namespace_("jobs"))
        .apply(account, role, clusterRoleBinding("worker").role(role).subject(account),
               clusterRoleBinding("worker-view").role(view).subject(account))
        .apply(redis_config, credentials, volume, claim)
        .apply(poll_tls)
        .apply(poll, poll_service, poll_ingress, worker, renamed, poll_in_jobs, node_ports, result,
               service(result).nodePort("http", 30022), zk, service(zk));
}

// The near misses of the autoscaler, disruption budget, network policy and RoleBinding
// rules, at the first version that serves autoscaling/v2.
constexpr Stack kinds_near_misses() {
    // autoscaler_*: a Deployment without replicas() in the autoscaler's namespace, with a
    // maximum; one created elsewhere; autoscaled_replicas_written: a Deployment that sets its
    // replicas next to one that does not, scaled.
    const auto web = deployment("web").inNamespace("shop").image("web:1").port("http", 80);
    const auto fixed =
        deployment("fixed").inNamespace("shop").image("web:1").replicas(3).label("tier", "back");
    const auto legacy = deployment("legacy").inNamespace("shop").createdElsewhere();

    // *_selects_no_pod: by a workload, by hand (also a label a workload added), and empty.
    const auto by_hand = podDisruptionBudget("fixed")
                             .inNamespace("shop")
                             .selector("app", "fixed")
                             .selector("tier", "back")
                             .minAvailable(1);
    const auto all_pods = networkPolicy("default-deny").inNamespace("shop").denyIngress();
    // pods_created_elsewhere_but_made, *_selects_no_pod: pods that no workload of the stack
    // makes (web carries app=web, but not tier=cache), selected by a Service, a budget and a
    // policy.
    const auto cache =
        podsCreatedElsewhere("app", "web").label("tier", "cache").inNamespace("shop");

    // role_missing, subject_missing: a Role of the binding's namespace, a built-in
    // ClusterRole, an account of another namespace.
    const auto reader = role("pod-reader")
                            .inNamespace("shop")
                            .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    // namespace_missing: "ci" exists without the stack creating it.
    const auto deployer =
        serviceAccount("deployer").inNamespace(namespace_("ci").createdElsewhere());
    const auto edit = clusterRole("edit").createdElsewhere();

    return stack()
        .targets("1.23")
        .apply(namespace_("shop"))
        .apply(deployer, reader, roleBinding("deployer").role(reader).subject(deployer),
               roleBinding("deployer-edit").inNamespace("shop").role(edit).subject(deployer))
        .apply(web, fixed, all_pods,
               networkPolicy("web").selects(web).allowFrom({podsOf(fixed)}, {networkPort("http")}))
        .apply(horizontalPodAutoscaler(web).maxReplicas(5).cpuUtilization(80),
               horizontalPodAutoscaler("legacy").scales(legacy).maxReplicas(2), by_hand,
               podDisruptionBudget("web").selects(web).maxUnavailable("10%"))
        .apply(service("cache").selects(cache).port("redis", 6379),
               podDisruptionBudget("cache").selects(cache).maxUnavailable(1),
               networkPolicy("cache").selects(cache).allowFrom({podsOf(web)}, {networkPort(6379)}));
}

// policy/v1 is served from 1.21.
constexpr Stack budget_at_1_21() {
    const auto web = deployment("web").image("web:1").replicas(2);
    return stack().targets("1.21").apply(web,
                                         podDisruptionBudget("web").selects(web).minAvailable(1));
}

// The near misses of the rules on single objects (object_rules.hpp) and of the namespace
// and protocol rules.
constexpr Stack object_rule_near_misses() {
    // duplicate_port_name, duplicate_mount_path, duplicate_env_var: distinct names and paths
    // in one container, a nested mount path, and the same name in two containers;
    // target_port_protocol_mismatch: a UDP port and a TCP port of one number, each targeted
    // by a Service port of its own protocol.
    const auto app = configMap("app").data("mode", "fast");
    const auto extra = configMap("extra").data("level", "2");
    const auto app_secret = secret("app-secret").data("password", "secret");
    const auto dns = deployment("dns")
                         .image("localhost:5000/coredns:1.11")
                         .port("dns", 53, Protocol::UDP)
                         .port("dns-tcp", 53)
                         .env("MODE", "fast")
                         .env("MODE_2", "safe")
                         .mount(app, "/etc/app")
                         .mount(extra, "/etc/app/extra")
                         .mount(app_secret, "/etc/secret")
                         .container(container("metrics")
                                        .image("registry.example.com:5000/team/metrics__x-y:v1.0_b")
                                        .env("MODE", "fast")
                                        .mount("app", "/etc/app"));
    const auto dns_service = service("dns")
                                 .selects(dns)
                                 .port("dns", 53, "dns", Protocol::UDP)
                                 .port("dns-tcp", 53, "dns-tcp");
    // service_without_port: a headless Service may have none; headless_service_with_node_ports
    // and node_port_on_cluster_ip_service: a headless ClusterIP Service with a port, node
    // ports on NodePort and LoadBalancer Services.
    const auto peers = service("dns-peers").selects(dns).headless();
    const auto headless =
        service("dns-headless").selects(dns).headless().port("dns", 53, "dns", Protocol::UDP);
    // duplicate_node_port: one Service may open a node port for TCP and UDP alike.
    const auto node_port = service("dns-node")
                               .selects(dns)
                               .port("dns", 53, "dns", Protocol::UDP)
                               .port("dns-tcp", 53, "dns-tcp")
                               .nodePort("dns", 30053)
                               .nodePort("dns-tcp", 30053);
    const auto balanced = service("dns-balanced")
                              .selects(dns)
                              .loadBalancer()
                              .port("dns-tcp", 53, "dns-tcp")
                              .nodePort("dns-tcp", 30054);
    // claim_without_size, claim_without_access_mode: a claim and a claim template with both.
    const auto claim =
        persistentVolumeClaim("data").request("1Gi").accessMode(AccessMode::ReadWriteOnce);
    const auto db = statefulSet("db")
                        .image("postgres:16")
                        .claimTemplate(persistentVolumeClaim("pgdata").request("1Gi").accessMode(
                            AccessMode::ReadWriteOnce))
                        .mount("pgdata", "/var/lib/postgresql/data")
                        .mount(claim, "/backup");
    // namespace_missing: the built-in namespaces.
    const auto in_system = configMap("settings").inNamespace("kube-system").data("a", "1");
    const auto in_public = configMap("settings").inNamespace("kube-public").data("a", "1");
    const auto in_lease = configMap("settings").inNamespace("kube-node-lease").data("a", "1");
    // ... and a namespace created elsewhere, which the objects made for a workload share.
    const auto team = namespace_("team").createdElsewhere();
    const auto api = deployment("api").inNamespace(team).image("api:1").port("http", 80);
    // request_exceeds_limit: a request equal to its limit, written in other units.
    const auto sized = deployment("sized")
                           .image("sized:1")
                           .memoryRequest("512Mi")
                           .memory("536870912")
                           .cpuRequest("700m")
                           .cpu("0.7");
    // privileged_container_forbids_escalation: hardened and privileged, so the profile leaves
    // allowPrivilegeEscalation unset.
    const auto privileged = deployment("privileged")
                                .image("privileged:1")
                                .hardened()
                                .securityContext(ContainerSecurity().privileged(true));
    return stack().apply(app, extra, app_secret, dns, dns_service, peers, headless, node_port,
                         balanced, claim, service("db").selects(db).headless(), db, in_system,
                         in_public, in_lease, api, service(api), sized, privileged,
                         podDisruptionBudget("api").selects(api).minAvailable(1),
                         networkPolicy("api").selects(api).denyIngress());
}

int main(int argc, char** argv) {
    return run<cluster<"near-misses", near_misses>, cluster<"kinds", kinds_near_misses>,
               cluster<"budget-1-21", budget_at_1_21>, cluster<"objects", object_rule_near_misses>>(
        argc, argv);
}
