#include <catch2/catch.hpp>
#include <kubestack/manifests.hpp>
#include <kubestack/stack.hpp>
#include <kubestack/stack_view.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack;

namespace {

// A small stack with one object of each step, applied in an order that is not the
// safe one, to see the renderer sort it.
constexpr Stack shop() {
    const auto settings = configMap("shop").data("MODE", "production");
    const auto web =
        deployment("shop").image("shop:1").replicas(3).port("http", 8080).env(settings.key("MODE"));
    const auto web_service = service(web);
    const auto account = serviceAccount("shop");
    return stack()
        .apply(ingress("shop").route("shop.example.com", web_service))
        .apply(web, web_service)
        .apply(settings, account, namespace_("shop-system"));
}

std::vector<std::string> kinds(const std::vector<Document>& documents) {
    std::vector<std::string> result;
    for (const Document& d : documents)
        result.push_back(d.kind);
    return result;
}

} // namespace

TEST_CASE("a whole stack is built inside a constant expression", "[stack]") {
    STATIC_REQUIRE(shop().size() == 6);
    STATIC_REQUIRE(shop().all<Deployment>().front().metadata().apply_step == 2);
    STATIC_REQUIRE(shop().all<Namespace>().front().metadata().sequence == 5);
}

TEST_CASE("the stream puts objects in a safe apply order", "[render]") {
    const std::vector<Document> documents = render_documents(shop());
    CHECK(kinds(documents) == std::vector<std::string>{"Namespace", "ServiceAccount", "ConfigMap",
                                                       "Deployment", "Service", "Ingress"});
    const std::string stream = render_stream(shop());
    const std::vector<YAML::Node> parsed = YAML::LoadAll(stream);
    REQUIRE(parsed.size() == documents.size());
    CHECK(parsed[3]["kind"].as<std::string>() == "Deployment");
    CHECK(parsed[3]["spec"]["replicas"].as<int>() == 3);
}

TEST_CASE("each document starts with apiVersion, kind and metadata", "[render]") {
    for (const Document& d : render_documents(shop())) {
        INFO(d.yaml);
        const YAML::Node node = YAML::Load(d.yaml);
        REQUIRE(node.IsMap());
        auto key = node.begin();
        CHECK((key++)->first.as<std::string>() == "apiVersion");
        CHECK((key++)->first.as<std::string>() == "kind");
        CHECK((key++)->first.as<std::string>() == "metadata");
        CHECK(node["apiVersion"].as<std::string>() == d.api_version);
        CHECK(node["metadata"]["name"].as<std::string>() == d.name);
    }
}

TEST_CASE("apiVersions are the ones current Kubernetes serves", "[render]") {
    for (const Document& d : render_documents(shop())) {
        INFO(d.kind);
        if (d.kind == "Deployment")
            CHECK(d.api_version == "apps/v1");
        else if (d.kind == "Ingress")
            CHECK(d.api_version == "networking.k8s.io/v1");
        else
            CHECK(d.api_version == "v1");
    }
}

TEST_CASE("files follow the apply steps, and kustomization.yaml lists them in that order",
          "[render]") {
    const std::vector<ManifestFile> files = render_files(shop());
    std::vector<std::string> names;
    for (const ManifestFile& f : files)
        names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"shop.ingress.yaml", "shop.deployment.yaml",
                                            "shop.service.yaml", "shop-system.namespace.yaml",
                                            "shop.rbac.yaml", "shop.configmap.yaml",
                                            "kustomization.yaml"});
    const YAML::Node kustomization = YAML::Load(files.back().content);
    REQUIRE(kustomization["resources"].size() == files.size() - 1);
    for (std::size_t i = 0; i + 1 < files.size(); ++i)
        CHECK(kustomization["resources"][i].as<std::string>() == files[i].name);
}

TEST_CASE("objects that name the same file share it, in kind order", "[render]") {
    Stack s;
    const auto volume = persistentVolume("db-data").file("db").capacity("1Gi").accessMode(
        AccessMode::ReadWriteOnce);
    s.apply(persistentVolumeClaim("db").boundTo(volume), volume);
    const std::vector<ManifestFile> files = render_files(s);
    REQUIRE(files.size() == 2);
    CHECK(files[0].name == "db.volume.yaml");
    const std::vector<YAML::Node> documents = YAML::LoadAll(files[0].content);
    REQUIRE(documents.size() == 2);
    CHECK(documents[0]["kind"].as<std::string>() == "PersistentVolume");
    CHECK(documents[1]["spec"]["volumeName"].as<std::string>() == "db-data");
}

TEST_CASE("rendering is deterministic", "[render]") {
    const std::vector<ManifestFile> first = render_files(shop());
    const std::vector<ManifestFile> second = render_files(shop());
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        CHECK(first[i].content == second[i].content);
}

TEST_CASE("workload fields land where the API expects them", "[render]") {
    Stack s;
    const auto credentials = secret("db").data("PASSWORD", "x");
    s.apply(deployment("api")
                .image("api:2")
                .args({"--port", "8080"})
                .port("http", 8080)
                .env("DB_PASSWORD", credentials.key("PASSWORD"))
                .envFrom(credentials)
                .memory("128M")
                .memoryRequest("64Mi")
                .cpu("1")
                .cpuRequest("250m")
                .antiAffinity());
    const YAML::Node pod = YAML::Load(render_documents(s).front().yaml)["spec"]["template"]["spec"];
    const YAML::Node c = pod["containers"][0];
    CHECK(c["args"][1].as<std::string>() == "8080");
    CHECK(c["env"][0]["valueFrom"]["secretKeyRef"]["key"].as<std::string>() == "PASSWORD");
    CHECK(c["envFrom"][0]["secretRef"]["name"].as<std::string>() == "db");
    CHECK(c["resources"]["limits"]["memory"].as<std::string>() == "128M");
    CHECK(c["resources"]["requests"]["cpu"].as<std::string>() == "250m");
    CHECK(pod["restartPolicy"].as<std::string>() == "Always");
    const YAML::Node term =
        pod["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"][0];
    CHECK(term["topologyKey"].as<std::string>() == "kubernetes.io/hostname");
    CHECK(term["labelSelector"]["matchLabels"]["app"].as<std::string>() == "api");
}

TEST_CASE("a stack without namespaces leaves them to kubectl -n, except chosen ones", "[render]") {
    constexpr auto free_stack = [] {
        const auto web = deployment("web").image("nginx:1.27").port(80);
        const auto agent = daemonSet("agent").inNamespace("kube-system").image("agent:1");
        return stack().withoutNamespaces().apply(web, service(web), agent);
    };
    const std::string yaml = render_stream(view_of(free_stack()));
    CHECK(yaml.find("namespace: default") == std::string::npos);
    CHECK(yaml.find("namespace: kube-system") != std::string::npos);
    CHECK(yaml.find("replicas") == std::string::npos);
    CHECK_THAT(yaml, Catch::Contains("  ports:\n    - port: 80\n      protocol: TCP\n"));
}

TEST_CASE("an Ingress's TLS is written with its hosts and Secret", "[render]") {
    constexpr auto secure = [] {
        const auto web = deployment("web").image("nginx:1.27").port("http", 80);
        const auto web_service = service(web);
        const auto certificate = secret("web-tls").createdElsewhere();
        return stack().apply(web, web_service,
                             ingress("web")
                                 .route("shop.example.com", web_service)
                                 .tls(certificate, {"shop.example.com"}));
    };
    const std::string yaml = render_stream(view_of(secure()));
    CHECK_THAT(
        yaml, Catch::Contains(
                  "  tls:\n    - hosts:\n        - shop.example.com\n      secretName: web-tls\n"));
}

TEST_CASE("a network peer of pods created elsewhere is in the policy's namespace unless placed",
          "[render]") {
    const auto from_pods = [](const PodsCreatedElsewhere& clients) {
        const auto policy = networkPolicy("db").inNamespace("shop").allowFrom({podsOf(clients)},
                                                                              {networkPort(5432)});
        const std::string stream = render_stream(view_of(stack().apply(policy)));
        const YAML::Node peer = YAML::Load(stream)["spec"]["ingress"][0]["from"][0];
        CHECK(peer["podSelector"]["matchLabels"]["app"].as<std::string>() == "client");
        return peer;
    };
    CHECK_FALSE(from_pods(podsCreatedElsewhere("app", "client"))["namespaceSelector"]);
    CHECK(
        from_pods(podsCreatedElsewhere("app", "client")
                      .inNamespace(
                          "web"))["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
            .as<std::string>() == "web");
}
