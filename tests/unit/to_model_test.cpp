// The builders' objects as objects of the API model (dsl/emitter/to_model.hpp): every
// feature that the Bernstein stack and the guestbook use lands in the model field the API
// expects, and values from the environment are owned by the arena.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <emitter/to_model.hpp>
#include <kubestack.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <kubestack/manifests.hpp>
#include <string>
#include <variant>

using namespace kubestack;
using emitter::TextArena;
using emitter::to_model;

namespace {

constexpr auto app_config = configMap("app-config").inNamespace("shop").data("MODE", "fast");
constexpr auto credentials =
    secret("credentials")
        .inNamespace("shop")
        .data("TOKEN", "t0ken")
        .data("USER", environment("KUBESTACK_TO_MODEL_USER"))
        .data("ROLE", environment("KUBESTACK_TO_MODEL_ROLE").orDefault("reader"));
constexpr auto data_volume = persistentVolume("data")
                                 .capacity("1Gi")
                                 .accessMode(AccessMode::ReadWriteOnce)
                                 .storageClass("manual")
                                 .hostPath("/var/lib/data");
constexpr auto data_claim = persistentVolumeClaim("data").inNamespace("shop").boundTo(data_volume);
constexpr auto runner = serviceAccount("runner").inNamespace("shop");

// Every container and pod feature the two stacks use, on one Deployment.
constexpr auto web =
    deployment("web")
        .inNamespace("shop")
        .label("tier", "frontend")
        .annotation("team", "payments")
        .image("nginx:1.25")
        .replicas(3)
        .args({"--port", "80"})
        .port("http", 80)
        .port("dns", 53, Protocol::UDP)
        .env("LITERAL", "on")
        .env("FROM_ENV", environment("KUBESTACK_TO_MODEL_ENV").orDefault("fallback"))
        .env(app_config.key("MODE"))
        .env("SECRET_TOKEN", credentials.key("TOKEN"))
        .envFrom(app_config)
        .envFrom(credentials)
        .memory("128M")
        .memoryRequest("64M")
        .cpu("500m")
        .cpuRequest("100m")
        .mount(data_claim, "/data")
        .mount(app_config, "/etc/app")
        .mount(credentials, "/etc/credentials")
        .mount(hostPath("logs", "/var/log"), "/logs", Access::ReadOnly)
        .serviceAccount(runner)
        .restartPolicy(RestartPolicy::Always)
        .antiAffinity()
        .tolerateEveryTaint();

template <class Map>
std::string value_of(const Map& map, std::string_view key) {
    for (const auto& entry : map)
        if (entry.key == key) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(entry.value)>, api::Quantity>)
                return std::string(entry.value.text);
            else
                return std::string(entry.value);
        }
    return "<absent>";
}

} // namespace

TEST_CASE("a Deployment becomes an apps/v1 Deployment with its metadata and pod template",
          "[to_model]") {
    ::unsetenv("KUBESTACK_TO_MODEL_ENV");
    TextArena arena;
    const api::apps::v1::Deployment model = to_model(web, arena);

    REQUIRE(model.metadata);
    CHECK(*model.metadata->name == "web");
    CHECK(*model.metadata->namespace_ == "shop");
    CHECK(value_of(*model.metadata->labels, "app") == "web");
    CHECK(value_of(*model.metadata->labels, "tier") == "frontend");
    CHECK(value_of(*model.metadata->annotations, "team") == "payments");

    REQUIRE(model.spec);
    CHECK(*model.spec->replicas == 3);
    CHECK(model.spec->selector.matchLabels->size() == 1);
    CHECK(value_of(*model.spec->selector.matchLabels, "app") == "web");
    const api::core::v1::PodTemplateSpec& pod = model.spec->template_;
    CHECK(value_of(*pod.metadata->labels, "tier") == "frontend");

    const api::core::v1::PodSpec& spec = *pod.spec;
    CHECK(*spec.restartPolicy == "Always");
    CHECK(*spec.serviceAccountName == "runner");
    REQUIRE(spec.containers.size() == 1);
    const api::core::v1::Container& c = spec.containers[0];
    CHECK(c.name == "web");
    CHECK(*c.image == "nginx:1.25");
    REQUIRE(c.args->size() == 2);
    CHECK((*c.args)[1] == "80");

    REQUIRE(c.ports->size() == 2);
    CHECK(*(*c.ports)[0].name == "http");
    CHECK((*c.ports)[0].containerPort == 80);
    CHECK(*(*c.ports)[0].protocol == "TCP");
    CHECK(*(*c.ports)[1].protocol == "UDP");

    REQUIRE(c.env->size() == 4);
    const auto& env = *c.env;
    CHECK(env[0].name == "LITERAL");
    CHECK(*env[0].value == "on");
    CHECK_FALSE(env[0].valueFrom);
    CHECK(*env[1].value == "fallback");
    CHECK(env[2].name == "MODE");
    CHECK(*env[2].valueFrom->configMapKeyRef->name == "app-config");
    CHECK(env[2].valueFrom->configMapKeyRef->key == "MODE");
    CHECK_FALSE(env[2].valueFrom->secretKeyRef);
    CHECK(env[3].name == "SECRET_TOKEN");
    CHECK(*env[3].valueFrom->secretKeyRef->name == "credentials");
    CHECK(env[3].valueFrom->secretKeyRef->key == "TOKEN");

    REQUIRE(c.envFrom->size() == 2);
    CHECK(*(*c.envFrom)[0].configMapRef->name == "app-config");
    CHECK(*(*c.envFrom)[1].secretRef->name == "credentials");

    CHECK(value_of(*c.resources->limits, "cpu") == "500m");
    CHECK(value_of(*c.resources->limits, "memory") == "128M");
    CHECK(value_of(*c.resources->requests, "cpu") == "100m");
    CHECK(value_of(*c.resources->requests, "memory") == "64M");

    REQUIRE(c.volumeMounts->size() == 4);
    const auto& mounts = *c.volumeMounts;
    CHECK(mounts[0].name == "data");
    CHECK(mounts[0].mountPath == "/data");
    CHECK_FALSE(mounts[0].readOnly); // read-write: left out
    CHECK(*mounts[1].readOnly);      // a ConfigMap is mounted read-only
    CHECK(*mounts[3].readOnly);

    REQUIRE(spec.volumes->size() == 4);
    const auto& volumes = *spec.volumes;
    CHECK(volumes[0].persistentVolumeClaim->claimName == "data");
    CHECK(*volumes[1].configMap->name == "app-config");
    CHECK(*volumes[2].secret->secretName == "credentials");
    CHECK(volumes[3].name == "logs");
    CHECK(volumes[3].hostPath->path == "/var/log");

    const auto& apart =
        (*spec.affinity->podAntiAffinity->requiredDuringSchedulingIgnoredDuringExecution)[0];
    CHECK(apart.topologyKey == "kubernetes.io/hostname");
    CHECK(value_of(*apart.labelSelector->matchLabels, "app") == "web");
    REQUIRE(spec.tolerations->size() == 1);
    CHECK(*(*spec.tolerations)[0].operator_ == "Exists");
    CHECK_FALSE((*spec.tolerations)[0].key);
}

TEST_CASE("a pod template converts on its own, for any workload kind", "[to_model]") {
    constexpr auto agent = daemonSet("agent").image("agent:1").port("metrics", 9100);
    TextArena arena;
    const api::core::v1::PodTemplateSpec pod =
        to_model(agent.pod(), {"DaemonSet", agent.metadata(), agent.selector()}, arena);
    CHECK(pod.spec->containers[0].name == "agent");
    CHECK_FALSE(pod.spec->affinity);
    CHECK_FALSE(pod.spec->tolerations);
    CHECK_FALSE(pod.spec->volumes);
    CHECK_FALSE(pod.spec->containers[0].env);

    const api::apps::v1::DaemonSet model = to_model(agent, arena);
    CHECK(value_of(*model.spec->selector.matchLabels, "app") == "agent");
    CHECK((*model.spec->template_.spec->containers[0].ports)[0].containerPort == 9100);
    CHECK(arena.empty()); // nothing was read from the environment
}

TEST_CASE("values from the environment are owned by the arena, with today's messages",
          "[to_model]") {
    ::setenv("KUBESTACK_TO_MODEL_ENV", "from-env", 1);
    ::setenv("KUBESTACK_TO_MODEL_USER", "alice", 1);
    ::unsetenv("KUBESTACK_TO_MODEL_ROLE");
    TextArena arena;
    const api::apps::v1::Deployment deployment = to_model(web, arena);
    const api::core::v1::Secret secret_model = to_model(credentials, arena);
    // Changing the environment afterwards changes nothing that was converted.
    ::setenv("KUBESTACK_TO_MODEL_ENV", "changed-since", 1);
    ::setenv("KUBESTACK_TO_MODEL_USER", "changed-since", 1);
    CHECK(*(*deployment.spec->template_.spec->containers[0].env)[1].value == "from-env");
    CHECK(*secret_model.type == "Opaque");
    CHECK_FALSE(secret_model.data);
    CHECK(value_of(*secret_model.stringData, "TOKEN") == "t0ken");
    CHECK(value_of(*secret_model.stringData, "USER") == "alice");
    CHECK(value_of(*secret_model.stringData, "ROLE") == "reader");
    CHECK(arena.size() == 2);

    ::unsetenv("KUBESTACK_TO_MODEL_USER");
    CHECK_THROWS_WITH(to_model(credentials, arena),
                      "environment variable KUBESTACK_TO_MODEL_USER is not set; Secret "
                      "\"credentials\" needs it for USER (set it, or give it a default with "
                      "orDefault(...))");
    ::setenv("KUBESTACK_TO_MODEL_USER", "\xff", 1);
    CHECK_THROWS_WITH(to_model(credentials, arena),
                      "environment variable KUBESTACK_TO_MODEL_USER is not valid UTF-8; Secret "
                      "\"credentials\" needs it for USER");
    ::setenv("KUBESTACK_TO_MODEL_ENV", "\xfe", 1);
    CHECK_THROWS_WITH(to_model(web, arena),
                      "environment variable KUBESTACK_TO_MODEL_ENV is not valid UTF-8; Deployment "
                      "\"web\" needs it for env FROM_ENV");
    ::unsetenv("KUBESTACK_TO_MODEL_USER");
    ::unsetenv("KUBESTACK_TO_MODEL_ENV");
}

TEST_CASE("config, storage, RBAC and namespaces become their core and rbac kinds", "[to_model]") {
    TextArena arena;
    const api::core::v1::ConfigMap config = to_model(app_config, arena);
    CHECK(*config.metadata->namespace_ == "shop");
    CHECK(value_of(*config.data, "MODE") == "fast");

    const api::core::v1::PersistentVolume volume = to_model(data_volume, arena);
    CHECK_FALSE(volume.metadata->namespace_); // cluster-scoped
    CHECK(value_of(*volume.spec->capacity, "storage") == "1Gi");
    CHECK((*volume.spec->accessModes)[0] == "ReadWriteOnce");
    CHECK(*volume.spec->storageClassName == "manual");
    CHECK(*volume.spec->persistentVolumeReclaimPolicy == "Retain");
    CHECK(volume.spec->hostPath->path == "/var/lib/data");
    CHECK(*volume.spec->hostPath->type == "DirectoryOrCreate");

    const api::core::v1::PersistentVolumeClaim claim = to_model(data_claim, arena);
    CHECK(*claim.spec->volumeName == "data");
    CHECK(*claim.spec->storageClassName == "manual");
    CHECK(value_of(*claim.spec->resources->requests, "storage") == "1Gi");

    constexpr auto role = clusterRole("reader").rule(
        {.apiGroups = {"", "apps"}, .resources = {"pods"}, .verbs = {"get", "list"}});
    const api::rbac::v1::ClusterRole role_model = to_model(role, arena);
    REQUIRE(role_model.rules->size() == 1);
    const api::rbac::v1::PolicyRule& rule = (*role_model.rules)[0];
    CHECK((*rule.apiGroups)[0] == "");
    CHECK((*rule.apiGroups)[1] == "apps");
    CHECK((*rule.resources)[0] == "pods");
    CHECK(rule.verbs.size() == 2);
    CHECK(rule.verbs[1] == "list");

    constexpr auto binding = clusterRoleBinding("reader").role(role).subject(runner);
    const api::rbac::v1::ClusterRoleBinding binding_model = to_model(binding, arena);
    CHECK(*binding_model.roleRef.apiGroup == "rbac.authorization.k8s.io");
    CHECK(binding_model.roleRef.kind == "ClusterRole");
    CHECK(binding_model.roleRef.name == "reader");
    REQUIRE(binding_model.subjects->size() == 1);
    CHECK((*binding_model.subjects)[0].kind == "ServiceAccount");
    CHECK((*binding_model.subjects)[0].name == "runner");
    CHECK(*(*binding_model.subjects)[0].namespace_ == "shop");

    CHECK(*to_model(runner, arena).metadata->namespace_ == "shop");
    CHECK(*to_model(namespace_("shop"), arena).metadata->name == "shop");
}

TEST_CASE("a Service targets its pods' ports by name, with node ports", "[to_model]") {
    constexpr auto exposed = service(web).type(ServiceType::NodePort).nodePort("http", 30080);
    TextArena arena;
    const api::core::v1::Service model = to_model(exposed, arena);
    CHECK(*model.spec->type == "NodePort");
    CHECK(value_of(*model.spec->selector, "app") == "web");
    REQUIRE(model.spec->ports->size() == 2);
    const api::core::v1::ServicePort& http = (*model.spec->ports)[0];
    CHECK(*http.name == "http");
    CHECK(http.port == 80);
    CHECK(http.targetPort->is_text);
    CHECK(http.targetPort->text == "http");
    CHECK(*http.nodePort == 30080);
    CHECK(*http.protocol == "TCP");
    CHECK_FALSE((*model.spec->ports)[1].nodePort);
    CHECK(*(*model.spec->ports)[1].protocol == "UDP");
}

TEST_CASE("an Ingress is networking.k8s.io/v1, or the v1beta1 form it asked for", "[to_model]") {
    constexpr auto web_service = service(web);
    constexpr auto modern =
        ingress("web").inNamespace("shop").className("nginx").classAnnotation("traefik").route(
            "shop.example.com", web_service);
    TextArena arena;
    const emitter::IngressModel model = to_model(modern, arena);
    REQUIRE(std::holds_alternative<api::networking::v1::Ingress>(model));
    const auto& v1 = std::get<api::networking::v1::Ingress>(model);
    CHECK(value_of(*v1.metadata->annotations, "kubernetes.io/ingress.class") == "traefik");
    CHECK(*v1.spec->ingressClassName == "nginx");
    const auto& rule = (*v1.spec->rules)[0];
    CHECK(*rule.host == "shop.example.com");
    const auto& path = rule.http->paths[0];
    CHECK(*path.path == "/");
    CHECK(path.pathType == "Prefix");
    CHECK(path.backend.service->name == "web");
    CHECK(*path.backend.service->port->number == 80);

    constexpr auto old = ingress("web")
                             .inNamespace("shop")
                             .apiVersion(IngressApi::extensions_v1beta1)
                             .route("shop.example.com", web_service);
    const emitter::IngressModel legacy = to_model(old, arena);
    REQUIRE(std::holds_alternative<emitter::legacy::extensions::v1beta1::Ingress>(legacy));
    const auto& beta = std::get<emitter::legacy::extensions::v1beta1::Ingress>(legacy);
    const auto& beta_path = (*beta.spec->rules)[0].http->paths[0];
    CHECK(*beta_path.backend.serviceName == "web");
    CHECK(beta_path.backend.servicePort->number == 80);
    CHECK_FALSE(beta_path.pathType);
    CHECK(emitter::legacy::extensions::v1beta1::Ingress::api_version == "extensions/v1beta1");

    const emitter::IngressModel networking_beta =
        to_model(ingress("web")
                     .apiVersion(IngressApi::networking_v1beta1)
                     .route("a.example.com", web_service),
                 arena);
    CHECK(std::holds_alternative<emitter::legacy::networking::v1beta1::Ingress>(networking_beta));
}

TEST_CASE("the generic emitter writes a converted object in the house order", "[to_model]") {
    constexpr auto exposed = service(web).type(ServiceType::NodePort).nodePort("http", 30080);
    TextArena arena;
    emitter::YamlWriter out;
    emitter::write_model_object(out, to_model(exposed, arena));
    CHECK(out.text() == "apiVersion: v1\n"
                        "kind: Service\n"
                        "metadata:\n"
                        "  name: web\n"
                        "  namespace: shop\n"
                        "spec:\n"
                        "  type: NodePort\n"
                        "  selector:\n"
                        "    app: web\n"
                        "  ports:\n"
                        "    - name: http\n"
                        "      port: 80\n"
                        "      targetPort: http\n"
                        "      nodePort: 30080\n"
                        "      protocol: TCP\n"
                        "    - name: dns\n"
                        "      port: 53\n"
                        "      targetPort: dns\n"
                        "      protocol: UDP\n");

    constexpr auto role = clusterRole("reader").rule(
        {.apiGroups = {""}, .resources = {"pods", "services"}, .verbs = {"get"}});
    emitter::YamlWriter rules;
    emitter::write_model_object(rules, (*to_model(role, arena).rules)[0]);
    CHECK(rules.text() == "apiGroups: [\"\"]\nresources: [pods, services]\nverbs: [get]\n");
}

namespace {

constexpr Stack legacy_routed(IngressApi api) {
    const auto shop = deployment("shop").port("http", 80);
    const auto exposed = service(shop);
    return stack().targets("1.21").apply(
        shop, exposed, ingress("shop").apiVersion(api).route("shop.example.com", exposed));
}

} // namespace

TEST_CASE("a v1beta1 Ingress is written through the legacy structs as it always was",
          "[to_model]") {
    for (const IngressApi api : {IngressApi::extensions_v1beta1, IngressApi::networking_v1beta1}) {
        const Document ingress_document = render_documents(legacy_routed(api)).back();
        const std::string api_version(served_versions(api).api_version);
        CHECK(ingress_document.api_version == api_version);
        CHECK(ingress_document.yaml == "apiVersion: " + api_version +
                                           "\n"
                                           "kind: Ingress\n"
                                           "metadata:\n"
                                           "  name: shop\n"
                                           "  namespace: default\n"
                                           "spec:\n"
                                           "  rules:\n"
                                           "    - host: shop.example.com\n"
                                           "      http:\n"
                                           "        paths:\n"
                                           "          - path: /\n"
                                           "            backend:\n"
                                           "              serviceName: shop\n"
                                           "              servicePort: 80\n");
    }
}

namespace {

constexpr auto zookeeper = deployment("zk")
                               .selector("app", "zk")
                               .podLabel("role", "member")
                               .image("zookeeper:3.8")
                               .port("client", 2181)
                               .antiAffinity(labelIn("app", {"zk", "zookeeper"}));
constexpr auto bare = deployment("bare").image("nginx:1").port(80);

constexpr Stack without_namespaces() {
    return stack().withoutNamespaces().apply(
        bare, service(bare), deployment("placed").inNamespace("front").image("nginx:1"));
}

} // namespace

TEST_CASE("unnamed ports, unset replicas, written-out anti-affinity terms", "[to_model]") {
    TextArena arena;
    const api::apps::v1::Deployment zk = to_model(zookeeper, arena);
    CHECK_FALSE(zk.spec->replicas); // not given: left to Kubernetes or an autoscaler
    CHECK(value_of(*zk.spec->template_.metadata->labels, "role") == "member");
    const auto& selector = *(*zk.spec->template_.spec->affinity->podAntiAffinity
                                  ->requiredDuringSchedulingIgnoredDuringExecution)[0]
                                .labelSelector;
    CHECK_FALSE(selector.matchLabels);
    REQUIRE(selector.matchExpressions->size() == 1);
    const auto& term = (*selector.matchExpressions)[0];
    CHECK(term.key == "app");
    CHECK(term.operator_ == "In");
    REQUIRE(term.values->size() == 2);
    CHECK((*term.values)[1] == "zookeeper");

    const api::apps::v1::Deployment unnamed = to_model(bare, arena);
    const auto& port = (*unnamed.spec->template_.spec->containers[0].ports)[0];
    CHECK_FALSE(port.name);
    CHECK(port.containerPort == 80);
    const api::core::v1::Service exposed = to_model(service(bare), arena);
    const auto& service_port = (*exposed.spec->ports)[0];
    CHECK_FALSE(service_port.name);
    CHECK_FALSE(service_port.targetPort); // the port's own number, Kubernetes' default
}

TEST_CASE("headless and LoadBalancer Services", "[to_model]") {
    TextArena arena;
    const api::core::v1::Service headless =
        to_model(service("zk-hs").selects(zookeeper).headless().port("peer", 2888), arena);
    CHECK(*headless.spec->type == "ClusterIP");
    CHECK(*headless.spec->clusterIP == "None");
    CHECK(value_of(*headless.spec->selector, "app") == "zk");
    const api::core::v1::Service balanced = to_model(service(zookeeper).loadBalancer(), arena);
    CHECK(*balanced.spec->type == "LoadBalancer");
    CHECK_FALSE(balanced.spec->clusterIP);
}

TEST_CASE("a stack without namespaces writes only the namespaces it chose", "[to_model]") {
    const std::vector<Document> documents = render_documents(without_namespaces());
    REQUIRE(documents.size() == 3);
    for (const Document& document : documents) {
        INFO(document.yaml);
        const bool chosen = document.name == "placed";
        CHECK((document.yaml.find("  namespace: front\n") != std::string::npos) == chosen);
        CHECK((document.yaml.find("namespace:") != std::string::npos) == chosen);
    }
}
