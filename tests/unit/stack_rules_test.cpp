// The whole-stack rules, checked in-process: each rule has a stack that breaks it (its
// verdict computed at compile time, its message at run time) and a near miss that passes.
#include "violation_messages.hpp"

#include <catch2/catch.hpp>
#include <kubestack/stack_rules.hpp>
#include <string>
#include <vector>

using namespace kubestack;
using Rules = std::vector<StackRule>;

namespace {

constexpr auto poll() {
    return deployment("poll").image("poll:1").port("http", 80);
}

// 1. A Service's selector matches the pods of a workload in its namespace.
constexpr Stack selector_typo() {
    return stack().apply(poll(), service("poll").selector("app", "pol").port("http", 80, "http"));
}
constexpr Stack selector_other_namespace() {
    const auto app = poll();
    return stack().apply(namespace_("other"), app, service(app).inNamespace("other"));
}
constexpr Stack selector_ok() {
    return stack().apply(poll(), service("poll").selector("app", "poll").port("http", 80, "http"));
}

// 2. Every targetPort is a container port of the selected pods, by name or number.
constexpr Stack target_port_name_typo() {
    return stack().apply(poll(), service("poll").selector("app", "poll").port("http", 80, "htp"));
}
constexpr Stack target_port_number_wrong() {
    return stack().apply(poll(), service("poll").selector("app", "poll").port("http", 80, 8080));
}
constexpr Stack target_port_by_number_ok() {
    return stack().apply(poll(), service("poll").selector("app", "poll").port("http", 80, 80));
}

// 3. Every Ingress backend is a Service of its namespace, and a port of that Service.
constexpr Stack ingress_to_missing_service() {
    const auto app = poll();
    return stack().apply(app, ingress("poll").route("poll.dop.io", service(app)));
}
constexpr Stack ingress_to_missing_port() {
    const auto app = poll().port("admin", 8080);
    const auto routed = service(app);
    return stack().apply(app, service("poll").selector("app", "poll").port("http", 80, "http"),
                         ingress("poll").route("admin.dop.io", "/", routed, "admin"));
}
constexpr Stack ingress_ok() {
    const auto app = poll();
    const auto exposed = service(app);
    return stack().apply(app, exposed, ingress("poll").route("poll.dop.io", exposed));
}

// 4. ConfigMaps and Secrets that pods read exist in their namespace, with the keys named.
constexpr Stack config_not_applied() {
    const auto config = configMap("redis").data("REDIS_HOST", "redis");
    return stack().apply(poll().env(config.key("REDIS_HOST")));
}
constexpr Stack secret_env_from_not_applied() {
    const auto credentials = secret("db").data("PASSWORD", "x");
    return stack().apply(poll().envFrom(credentials));
}
constexpr Stack config_in_other_namespace() {
    const auto config = configMap("redis").inNamespace("data").data("REDIS_HOST", "redis");
    return stack().apply(namespace_("data"), config, poll().env(config.key("REDIS_HOST")));
}
constexpr Stack config_key_not_in_applied_version() {
    const auto draft = configMap("redis").data("REDIS_HOST", "redis");
    return stack().apply(configMap("redis").data("REDIS_PORT", "6379"),
                         poll().env(draft.key("REDIS_HOST")));
}
constexpr Stack config_ok() {
    const auto config = configMap("redis").data("REDIS_HOST", "redis");
    const auto credentials = secret("db").data("PASSWORD", "x");
    return stack().apply(config, credentials,
                         poll().env(config.key("REDIS_HOST")).envFrom(credentials));
}
constexpr Stack config_created_elsewhere_ok() {
    const auto credentials = secret("db-credentials").createdElsewhere();
    return stack().apply(
        poll().env("DB_PASSWORD", credentials.key("PASSWORD")).envFrom(credentials));
}

// 5. Volumes are defined in the pod, claims exist, and a claim agrees with its volume.
constexpr Stack mount_undeclared_volume() {
    return stack().apply(poll().volume(hostPath("logs", "/var/log")).mount("log", "/logs"));
}
constexpr Stack claim_not_applied() {
    const auto claim =
        persistentVolumeClaim("data").request("1Gi").accessMode(AccessMode::ReadWriteOnce);
    return stack().apply(poll().mount(claim, "/data"));
}
// A claim mounted as a volume of another name is looked up by the claim's name.
constexpr Stack renamed_claim_volume_not_applied() {
    const auto claim =
        persistentVolumeClaim("data").request("1Gi").accessMode(AccessMode::ReadWriteOnce);
    return stack().apply(
        persistentVolumeClaim("storage").request("1Gi").accessMode(AccessMode::ReadWriteOnce),
        poll().mount(claimVolume("storage", claim), "/data"));
}
constexpr Stack renamed_claim_volume_ok() {
    const auto claim =
        persistentVolumeClaim("data").request("1Gi").accessMode(AccessMode::ReadWriteOnce);
    return stack().apply(claim, poll().mount(claimVolume("storage", claim), "/data"));
}
constexpr Stack claim_larger_than_volume() {
    const auto volume = persistentVolume("data")
                            .capacity("512Mi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual");
    const auto claim = persistentVolumeClaim("data").boundTo(volume).request("1Gi");
    return stack().apply(volume, claim);
}
constexpr Stack claim_other_class_and_mode() {
    const auto volume = persistentVolume("data")
                            .capacity("1Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual");
    const auto claim =
        persistentVolumeClaim("data").boundTo(volume).storageClass("fast").accessMode(
            AccessMode::ReadWriteMany);
    return stack().apply(volume, claim);
}
constexpr Stack claim_bound_to_missing_volume() {
    const auto volume = persistentVolume("data").capacity("1Gi");
    return stack().apply(
        persistentVolumeClaim("data").boundTo(volume).accessMode(AccessMode::ReadWriteOnce));
}
constexpr Stack volumes_ok() {
    const auto volume = persistentVolume("data")
                            .capacity("1Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual");
    const auto claim = persistentVolumeClaim("data").boundTo(volume).request("1000Mi");
    return stack().apply(
        volume, claim,
        poll().mount(claim, "/data").volume(hostPath("logs", "/var/log")).mount("logs", "/logs"));
}

// 6. A workload's selector (and anti-affinity term) selects its own pods.
constexpr Stack selector_misses_own_pods() {
    return stack().apply(poll().podLabel("app", "vote").antiAffinity());
}
constexpr Stack labels_ok() {
    return stack().apply(poll().label("tier", "front").antiAffinity());
}

// 7. Service accounts, roles and subjects exist.
constexpr Stack account_not_applied() {
    const auto account = serviceAccount("traefik");
    return stack().apply(poll().serviceAccount(account));
}
constexpr Stack account_in_other_namespace() {
    const auto account = serviceAccount("traefik").inNamespace("kube-public");
    return stack().apply(account, poll().serviceAccount(account));
}
constexpr Stack binding_to_missing_role_and_account() {
    const auto account = serviceAccount("traefik");
    const auto role = clusterRole("traefik");
    return stack().apply(clusterRoleBinding("traefik").role(role).subject(account));
}
constexpr Stack rbac_ok() {
    const auto account = serviceAccount("traefik");
    const auto role = clusterRole("traefik");
    const auto view = clusterRole("view").createdElsewhere();
    return stack().apply(account, role, clusterRoleBinding("traefik").role(role).subject(account),
                         clusterRoleBinding("traefik-view").role(view).subject(account),
                         poll().serviceAccount(account));
}

// 8. Names, containers and ports are unique where Kubernetes needs them to be.
constexpr Stack duplicate_deployment() {
    return stack().apply(poll()).apply(poll());
}
constexpr Stack duplicate_container() {
    return stack().apply(poll().container(container("poll").image("x:1")));
}
constexpr Stack duplicate_container_port() {
    return stack().apply(poll().port("web", 80));
}
constexpr Stack duplicate_service_port() {
    return stack().apply(
        poll(),
        service("poll").selector("app", "poll").port("http", 80, "http").port("http", 81, "http"));
}
constexpr Stack duplicates_ok() {
    // Same name in another namespace or of another kind; same port number over two protocols.
    return stack().apply(
        namespace_("other"), poll(), poll().inNamespace("other"), configMap("poll"),
        deployment("dns").image("dns:1").port("dns", 53, Protocol::UDP).port("dns-tcp", 53));
}

// 9. NodePorts are unique across the stack.
constexpr Stack duplicate_node_port() {
    const auto a = deployment("a").image("a:1").port("http", 80);
    const auto b = deployment("b").inNamespace("other").image("b:1").port("http", 80);
    return stack().apply(namespace_("other"), a, b, service(a).nodePort("http", 30021),
                         service(b).nodePort("http", 30021));
}
constexpr Stack node_ports_ok() {
    const auto a = deployment("a").image("a:1").port("http", 80);
    const auto b = deployment("b").image("b:1").port("http", 80);
    return stack().apply(a, b, service(a).nodePort("http", 30021),
                         service(b).nodePort("http", 30022));
}

constexpr Stack created_elsewhere_applied() {
    return stack().apply(secret("db").createdElsewhere());
}

// Pods created elsewhere: a Service, a budget and a policy of a stack that makes no pod,
// as a repository that keeps one object per file has them.
constexpr Stack selectors_of_pods_elsewhere() {
    const auto shop = namespace_("shop").createdElsewhere();
    const auto web = podsCreatedElsewhere("app", "web").label("tier", "front").inNamespace(shop);
    return stack().apply(service("web").selects(web).port("http", 80, "http"),
                         podDisruptionBudget("web").selects(web).maxUnavailable(1),
                         networkPolicy("web").selects(web).allowFrom({}, {networkPort("http")}));
}
// A workload marked createdElsewhere() is selected the same way, and service(workload)
// still takes its ports.
constexpr Stack service_of_workload_elsewhere() {
    return stack().apply(service(poll().createdElsewhere()));
}
// Pods said to be created elsewhere, which a workload of the stack makes.
constexpr Stack service_of_pods_elsewhere_made() {
    return stack().apply(
        poll(),
        service("poll").selects(podsCreatedElsewhere("app", "poll")).port("http", 80, "http"));
}
constexpr Stack policy_of_pods_elsewhere_made() {
    return stack().apply(poll(),
                         networkPolicy("poll").selects(podsCreatedElsewhere("app", "poll")));
}
// A workload both applied and marked createdElsewhere() breaks one rule, not two.
constexpr Stack workload_elsewhere_applied_and_selected() {
    const auto elsewhere = poll().createdElsewhere();
    return stack().apply(elsewhere, service(elsewhere));
}
// The last selection wins: a workload of the stack, or a selector by hand, is checked.
constexpr Stack elsewhere_then_workload() {
    return stack().apply(poll(), service("poll")
                                     .selects(podsCreatedElsewhere("app", "old"))
                                     .selects(poll())
                                     .port("http", 80, "htp"));
}
constexpr Stack elsewhere_then_selector_by_hand() {
    return stack().apply(poll(), service("poll")
                                     .selects(podsCreatedElsewhere("app", "poll"))
                                     .selector("app", "pol")
                                     .port("http", 80, "http"));
}
constexpr Stack budget_of_workload_elsewhere_made() {
    const auto elsewhere = deployment("old-poll").selector("app", "poll").createdElsewhere();
    return stack().apply(poll(), podDisruptionBudget("poll").selects(elsewhere).maxUnavailable(1));
}

} // namespace

TEST_CASE("rule 1: a Service selects the pods of a workload in its namespace", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(selector_typo()) == Rules{StackRule::service_selects_no_pod});
    STATIC_REQUIRE(rules_broken_by(selector_other_namespace()) ==
                   Rules{StackRule::service_selects_no_pod});
    STATIC_REQUIRE(rules_broken_by(selector_ok()).empty());
    CHECK_THAT(
        violation_messages(selector_typo()),
        Catch::Contains(
            R"(Service "poll" selects app=pol, which no workload in namespace "default" carries)"));
}

TEST_CASE("rule 2: every targetPort is a port of the selected containers", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(target_port_name_typo()) ==
                   Rules{StackRule::target_port_not_exposed});
    STATIC_REQUIRE(rules_broken_by(target_port_number_wrong()) ==
                   Rules{StackRule::target_port_not_exposed});
    STATIC_REQUIRE(rules_broken_by(target_port_by_number_ok()).empty());
    CHECK_THAT(
        violation_messages(target_port_name_typo()),
        Catch::Contains(
            R"(Service "poll" port "http" targets container port "htp", which no container of the pods it selects (Deployment "poll") exposes)"));
    CHECK_THAT(violation_messages(target_port_number_wrong()),
               Catch::Contains("targets container port 8080"));
}

TEST_CASE("rule 3: every Ingress backend is a Service and one of its ports", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(ingress_to_missing_service()) ==
                   Rules{StackRule::ingress_backend_missing});
    STATIC_REQUIRE(rules_broken_by(ingress_to_missing_port()) ==
                   Rules{StackRule::ingress_port_missing});
    STATIC_REQUIRE(rules_broken_by(ingress_ok()).empty());
    CHECK_THAT(
        violation_messages(ingress_to_missing_service()),
        Catch::Contains(
            R"(Ingress "poll" routes poll.dop.io/ to Service "poll", which namespace "default" does not have)"));
    CHECK_THAT(
        violation_messages(ingress_to_missing_port()),
        Catch::Contains(R"(to port 8080 of Service "poll", which that Service does not define)"));
}

TEST_CASE("rule 4: ConfigMaps and Secrets that pods read exist, in their namespace, with the key",
          "[rules]") {
    STATIC_REQUIRE(rules_broken_by(config_not_applied()) == Rules{StackRule::config_missing});
    STATIC_REQUIRE(rules_broken_by(secret_env_from_not_applied()) ==
                   Rules{StackRule::config_missing});
    STATIC_REQUIRE(rules_broken_by(config_in_other_namespace()) ==
                   Rules{StackRule::config_in_other_namespace});
    STATIC_REQUIRE(rules_broken_by(config_key_not_in_applied_version()) ==
                   Rules{StackRule::config_key_missing});
    STATIC_REQUIRE(rules_broken_by(config_ok()).empty());
    STATIC_REQUIRE(rules_broken_by(config_created_elsewhere_ok()).empty());
    CHECK_THAT(
        violation_messages(config_not_applied()),
        Catch::Contains(
            R"(Deployment "poll" reads ConfigMap "redis", which namespace "default" does not have)"));
    CHECK_THAT(violation_messages(secret_env_from_not_applied()),
               Catch::Contains(R"(reads Secret "db")"));
    CHECK_THAT(
        violation_messages(config_key_not_in_applied_version()),
        Catch::Contains(
            R"(Deployment "poll" reads key "REDIS_HOST" of ConfigMap "redis", which defines no such key)"));
    CHECK_THAT(
        violation_messages(config_in_other_namespace()),
        Catch::Contains(R"(of namespace "data", but its pods only see namespace "default")"));
}

TEST_CASE("rule 5: volumes are defined, claims exist and agree with their volume", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(mount_undeclared_volume()) ==
                   Rules{StackRule::volume_not_defined});
    STATIC_REQUIRE(rules_broken_by(claim_not_applied()) == Rules{StackRule::claim_missing});
    STATIC_REQUIRE(rules_broken_by(claim_larger_than_volume()) ==
                   Rules{StackRule::claim_disagrees_with_volume});
    STATIC_REQUIRE(
        rules_broken_by(claim_other_class_and_mode()) ==
        Rules{StackRule::claim_disagrees_with_volume, StackRule::claim_disagrees_with_volume});
    STATIC_REQUIRE(rules_broken_by(claim_bound_to_missing_volume()) ==
                   Rules{StackRule::bound_volume_missing});
    STATIC_REQUIRE(rules_broken_by(volumes_ok()).empty());
    STATIC_REQUIRE(rules_broken_by(renamed_claim_volume_not_applied()) ==
                   Rules{StackRule::claim_missing});
    STATIC_REQUIRE(rules_broken_by(renamed_claim_volume_ok()).empty());
    CHECK_THAT(
        violation_messages(mount_undeclared_volume()),
        Catch::Contains(
            R"(Deployment "poll" mounts volume "log" at /logs, which its pod does not define)"));
    CHECK_THAT(
        violation_messages(claim_not_applied()),
        Catch::Contains(
            R"(Deployment "poll" mounts PersistentVolumeClaim "data", which namespace "default" does not have)"));
    CHECK_THAT(
        violation_messages(claim_larger_than_volume()),
        Catch::Contains(
            R"(PersistentVolumeClaim "data" asks for a size of 1Gi but PersistentVolume "data" offers 512Mi)"));
    CHECK_THAT(violation_messages(claim_other_class_and_mode()),
               Catch::Contains("asks for storage class fast"));
    CHECK_THAT(violation_messages(claim_other_class_and_mode()),
               Catch::Contains("asks for access mode ReadWriteMany"));
}

TEST_CASE("rule 6: a workload's selector and anti-affinity select its own pods", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(selector_misses_own_pods()) ==
                   Rules{StackRule::selector_misses_own_pods});
    STATIC_REQUIRE(rules_broken_by(labels_ok()).empty());
    CHECK_THAT(
        violation_messages(selector_misses_own_pods()),
        Catch::Contains(
            R"(Deployment "poll" selects app=poll (also its anti-affinity term), which its own pod template does not carry)"));
}

TEST_CASE("rule 7: service accounts, roles and subjects exist", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(account_not_applied()) ==
                   Rules{StackRule::service_account_missing});
    STATIC_REQUIRE(rules_broken_by(account_in_other_namespace()) ==
                   Rules{StackRule::service_account_missing});
    STATIC_REQUIRE(rules_broken_by(binding_to_missing_role_and_account()) ==
                   Rules{StackRule::role_missing, StackRule::subject_missing});
    STATIC_REQUIRE(rules_broken_by(rbac_ok()).empty());
    CHECK_THAT(
        violation_messages(account_not_applied()),
        Catch::Contains(
            R"(Deployment "poll" runs as ServiceAccount "traefik", which namespace "default" does not have)"));
    CHECK_THAT(
        violation_messages(binding_to_missing_role_and_account()),
        Catch::Contains(
            R"(ClusterRoleBinding "traefik" grants ClusterRole "traefik", which the stack does not have)"));
}

TEST_CASE("rule 8: names, containers and ports are unique", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(duplicate_deployment()) == Rules{StackRule::duplicate_object});
    STATIC_REQUIRE(rules_broken_by(duplicate_container()) == Rules{StackRule::duplicate_container});
    STATIC_REQUIRE(rules_broken_by(duplicate_container_port()) ==
                   Rules{StackRule::duplicate_container_port});
    STATIC_REQUIRE(rules_broken_by(duplicate_service_port()) ==
                   Rules{StackRule::duplicate_service_port});
    STATIC_REQUIRE(rules_broken_by(duplicates_ok()).empty());
    CHECK_THAT(
        violation_messages(duplicate_deployment()),
        Catch::Contains(R"(Deployment "poll" is declared more than once in namespace "default")"));
    CHECK_THAT(violation_messages(duplicate_container()),
               Catch::Contains(R"(Deployment "poll" has two containers named "poll")"));
    CHECK_THAT(violation_messages(duplicate_container_port()),
               Catch::Contains(R"(Deployment "poll" container "poll" exposes port 80/TCP twice)"));
    CHECK_THAT(violation_messages(duplicate_service_port()),
               Catch::Contains(R"(Service "poll" has two ports named "http")"));
}

TEST_CASE("rule 9: NodePorts are unique across the stack", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(duplicate_node_port()) == Rules{StackRule::duplicate_node_port});
    STATIC_REQUIRE(rules_broken_by(node_ports_ok()).empty());
    CHECK_THAT(violation_messages(duplicate_node_port()),
               Catch::Contains(R"(NodePort 30021 is opened by both Service "a" and Service "b")"));
}

TEST_CASE("an object created elsewhere is referenced, never applied", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(created_elsewhere_applied()) ==
                   Rules{StackRule::created_elsewhere_but_applied});
    CHECK_THAT(violation_messages(created_elsewhere_applied()),
               Catch::Contains(R"(Secret "db" is marked createdElsewhere())"));
}

TEST_CASE("a Service, budget or policy may select pods created elsewhere", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(selectors_of_pods_elsewhere()).empty());
    STATIC_REQUIRE(rules_broken_by(service_of_workload_elsewhere()).empty());
    STATIC_REQUIRE(selectors_of_pods_elsewhere().all<Service>().front().ns() == "shop");
    STATIC_REQUIRE(selectors_of_pods_elsewhere().all<Service>().front().selector().value("tier") ==
                   "front");
    STATIC_REQUIRE(service_of_workload_elsewhere().all<Service>().front().ports().size() == 1);
    // Pods placed in no namespace are in the selecting object's.
    STATIC_REQUIRE(
        service("web").inNamespace("shop").selects(podsCreatedElsewhere("app", "web")).ns() ==
        "shop");
    // Without the marker, the same objects select no pod.
    STATIC_REQUIRE(rules_broken_by(stack().apply(
                       service("web").selector("app", "web").port("http", 80, "http"))) ==
                   Rules{StackRule::service_selects_no_pod});
}

TEST_CASE("pods said to be created elsewhere are not made by the stack", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(service_of_pods_elsewhere_made()) ==
                   Rules{StackRule::pods_created_elsewhere_but_made});
    STATIC_REQUIRE(rules_broken_by(budget_of_workload_elsewhere_made()) ==
                   Rules{StackRule::pods_created_elsewhere_but_made});
    STATIC_REQUIRE(rules_broken_by(policy_of_pods_elsewhere_made()) ==
                   Rules{StackRule::pods_created_elsewhere_but_made});
    STATIC_REQUIRE(rules_broken_by(workload_elsewhere_applied_and_selected()) ==
                   Rules{StackRule::created_elsewhere_but_applied});
    STATIC_REQUIRE(rules_broken_by(elsewhere_then_workload()) ==
                   Rules{StackRule::target_port_not_exposed});
    STATIC_REQUIRE(rules_broken_by(elsewhere_then_selector_by_hand()) ==
                   Rules{StackRule::service_selects_no_pod});
    CHECK_THAT(violation_messages(service_of_pods_elsewhere_made()),
               Catch::Contains(R"(Service "poll")") &&
                   Catch::Contains(
                       R"(selects app=poll as pods created elsewhere, but Deployment "poll")") &&
                   Catch::Contains("select that workload instead"));
}

TEST_CASE("an empty stack is reported", "[rules]") {
    STATIC_REQUIRE(rules_broken_by(stack()) == Rules{StackRule::empty_stack});
}
