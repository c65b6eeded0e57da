// The references of a stack, listed at compile time, and the graph drawn from them.
#include "graph/graph.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <kubestack.hpp>
#include <kubestack/references.hpp>

using namespace kubestack;

namespace {

constexpr Stack app_stack() {
    const auto config = configMap("app").data("PORT", "8080");
    const auto password = secret("db").data("PASSWORD", "x");
    const auto registry = secret("registry").createdElsewhere();
    const auto volume = persistentVolume("data")
                            .capacity("1Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual")
                            .hostPath("/data");
    const auto claim = persistentVolumeClaim("data").boundTo(volume);
    const auto account = serviceAccount("app");
    const auto role =
        clusterRole("reader").rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    const auto view = clusterRole("view").createdElsewhere();
    const auto app = deployment("app")
                         .image("app:1")
                         .port("http", 8080)
                         .port("metrics", 9090)
                         .env(config.key("PORT"))
                         .env(config.key("PORT")) // twice: one edge
                         .env("PASSWORD", password.key("PASSWORD"))
                         .envFrom(registry)
                         .mount(claim, "/data")
                         .serviceAccount(account);
    const auto app_service = service(app);
    return stack()
        .apply(config, password, volume, claim, account, role,
               clusterRoleBinding("app").role(role).subject(account),
               clusterRoleBinding("app-view").role(view).subject(account))
        .apply(app, app_service)
        .apply(ingress("app").route("app.example.com", "/", app_service, "metrics"));
}

constexpr int count(Relation relation) {
    const Stack s = app_stack();
    int n = 0;
    for (const Reference& r : references_of(view_of(s)))
        n += r.relation == relation ? 1 : 0;
    return n;
}

constexpr bool has(Relation relation, std::string_view from, std::string_view to) {
    const Stack s = app_stack();
    for (const Reference& r : references_of(view_of(s)))
        if (r.relation == relation && r.from.name == from && r.to.name == to) return true;
    return false;
}

} // namespace

TEST_CASE("references_of lists every reference once, in a constant expression", "[references]") {
    STATIC_REQUIRE(count(Relation::Selects) == 1);
    STATIC_REQUIRE(count(Relation::RoutesTo) == 1);
    STATIC_REQUIRE(count(Relation::ReadsEnv) == 3); // app ConfigMap, db and registry Secrets
    STATIC_REQUIRE(count(Relation::Mounts) == 1);
    STATIC_REQUIRE(count(Relation::RunsAs) == 1);
    STATIC_REQUIRE(count(Relation::BoundTo) == 1);
    STATIC_REQUIRE(count(Relation::GrantsRole) == 2);
    STATIC_REQUIRE(count(Relation::GrantsTo) == 2);
    STATIC_REQUIRE(has(Relation::Selects, "app", "app"));
    STATIC_REQUIRE(has(Relation::BoundTo, "data", "data"));
    STATIC_REQUIRE(has(Relation::GrantsRole, "app-view", "view"));
    STATIC_REQUIRE(!has(Relation::Selects, "app", "db"));

    const Stack s = app_stack();
    const std::vector<Reference> all = references_of(view_of(s));
    const auto route = std::find_if(all.begin(), all.end(), [](const Reference& r) {
        return r.relation == Relation::RoutesTo;
    });
    REQUIRE(route != all.end());
    CHECK(route->port_name == "metrics");
    CHECK(route->port_number == 9090);
    const auto registry = std::find_if(all.begin(), all.end(),
                                       [](const Reference& r) { return r.to.name == "registry"; });
    REQUIRE(registry != all.end());
    CHECK(registry->created_elsewhere);
}

TEST_CASE("the graph has a node per object and an edge per reference", "[references][graph]") {
    const Stack s = app_stack();
    const std::string dot = graph::stack_graph(view_of(s), "test");
    CHECK(dot.starts_with("digraph stack {\n"));
    CHECK(dot.find("subgraph cluster_default {") != std::string::npos);
    CHECK(dot.find("\"app-service\" -> app [label=selects];") != std::string::npos);
    CHECK(dot.find("\"app-ingress\" -> \"app-service\":metrics [label=\"routes to\"];") !=
          std::string::npos);
    CHECK(dot.find("<metrics> metrics:\\ 9090") != std::string::npos);
    CHECK(dot.find("\"data-persistentvolumeclaim\" -> \"data-persistentvolume\"") !=
          std::string::npos);
    // Outside the stack: a dashed node and a dashed edge.
    CHECK(dot.find("\"view-clusterrole\" [shape=hexagon, label=\"ClusterRole\\nview\\n(created "
                   "elsewhere)\", style=dashed];") != std::string::npos);
    CHECK(dot.find("app -> \"registry-secret\" [label=env, style=dashed];") != std::string::npos);
    CHECK(dot.find("app -> \"app-configmap\" [label=env];") != std::string::npos);
    CHECK(dot.find("app -> \"app-configmap\" [label=env];",
                   dot.find("app -> \"app-configmap\"") + 1) == std::string::npos);
    CHECK(graph::stack_graph(view_of(s), "test") == dot);
}

TEST_CASE("node IDs are qualified where two objects would share one", "[graph]") {
    constexpr auto two = [] {
        return stack().apply(configMap("same").data("A", "1"),
                             configMap("same").inNamespace("other").data("A", "1"));
    };
    const Stack s = two();
    const std::string dot = graph::stack_graph(view_of(s), "test");
    CHECK(dot.find("\"default/same-configmap\"") != std::string::npos);
    CHECK(dot.find("\"other/same-configmap\"") != std::string::npos);
}

TEST_CASE("a StatefulSet refers to its governing Service", "[references]") {
    STATIC_REQUIRE([] {
        const auto zk = statefulSet("zk").serviceName("zk-hs").port("server", 2888);
        const Stack s = stack().apply(zk, service("zk-hs").headless().selects(zk).port(2888));
        bool governed = false, selected = false;
        for (const Reference& r : references_of(view_of(s))) {
            governed = governed || (r.relation == Relation::GovernedBy && r.from.name == "zk" &&
                                    r.to.name == "zk-hs" && r.to.kind == kind_of<Service>);
            selected = selected || (r.relation == Relation::Selects && r.from.name == "zk-hs" &&
                                    r.to.kind == kind_of<StatefulSet>);
        }
        return governed && selected;
    }());
    CHECK(to_string(Relation::GovernedBy) == "governed by");
}
