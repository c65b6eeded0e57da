#include <catch2/catch.hpp>
#include <kubestack/ingress.hpp>
#include <kubestack/service.hpp>

using namespace kubestack;

TEST_CASE("a service built from a workload selects its pods and targets its named ports",
          "[service]") {
    STATIC_REQUIRE([] {
        const auto traefik =
            deployment("traefik").inNamespace("kube-public").port("http", 80).port("admin", 8080);
        const auto exposed = service(traefik).nodePort("http", 30021).nodePort("admin", 30042);
        const auto& ports = exposed.ports();
        return exposed.name() == "traefik" && exposed.ns() == "kube-public" &&
               exposed.selector() == traefik.selector() &&
               exposed.service_type() == ServiceType::NodePort && ports.size() == 2 &&
               ports[0].port == 80 && ports[0].target.name == "http" &&
               ports[0].node_port == 30021 && ports[1].node_port == 30042;
    }());
}

TEST_CASE("a service written by hand takes a selector and ports by number or name", "[service]") {
    STATIC_REQUIRE([] {
        const auto legacy = service("legacy")
                                .selector("app", "old")
                                .port("web", 80, 8080)
                                .port("tls", 443, "https");
        return legacy.service_type() == ServiceType::ClusterIP &&
               legacy.ports()[0].target.number == 8080 &&
               legacy.ports()[1].target.name == "https" && legacy.selector().value("app") == "old";
    }());
}

TEST_CASE("hosts and paths of ingress rules", "[ingress]") {
    STATIC_REQUIRE(is_ingress_host("poll.dop.io"));
    STATIC_REQUIRE(is_ingress_host("*.dop.io"));
    STATIC_REQUIRE_FALSE(is_ingress_host("Poll.dop.io"));
    STATIC_REQUIRE_FALSE(is_ingress_host("10.0.0.1"));
    STATIC_REQUIRE_FALSE(is_ingress_host("poll.dop.io/"));
    STATIC_REQUIRE(is_http_path("/"));
    STATIC_REQUIRE(is_http_path("/api/v1"));
    STATIC_REQUIRE_FALSE(is_http_path("api"));
}

TEST_CASE("an ingress routes a host to a service's first port, or a named one", "[ingress]") {
    STATIC_REQUIRE([] {
        const auto app = deployment("app").port("http", 80).port("admin", 8080);
        const auto exposed = service(app);
        const auto routes = ingress("app")
                                .classAnnotation("traefik")
                                .route("app.example.com", exposed)
                                .route("admin.example.com", "/", exposed, "admin");
        return routes.routes().size() == 2 && routes.routes()[0].port == 80 &&
               routes.routes()[1].port == 8080 && routes.routes()[0].service == "app" &&
               routes.metadata().annotations.value("kubernetes.io/ingress.class") == "traefik";
    }());
}

TEST_CASE("a service of unnamed ports forwards by number and writes no targetPort", "[service]") {
    STATIC_REQUIRE([] {
        const auto mysql = deployment("mysql").image("mysql:8").port(3306);
        const Service s = service(mysql);
        return s.ports().size() == 1 && s.ports()[0].name.empty() && s.ports()[0].port == 3306 &&
               s.ports()[0].target.name.empty() && s.ports()[0].target.number == 0;
    }());
}

TEST_CASE("headless and LoadBalancer services; a service named apart from its workload",
          "[service]") {
    STATIC_REQUIRE([] {
        const auto zk =
            deployment("zk").inNamespace("data").selector("app", "zk").port("client", 2181);
        const Service hs = service("zk-hs").selects(zk).port("client", 2181).headless();
        const Service lb =
            service("frontend-external").selects(zk).port("http", 80, 8080).loadBalancer();
        return hs.headless_service() && hs.ns() == "data" && hs.selector().value("app") == "zk" &&
               hs.service_type() == ServiceType::ClusterIP &&
               lb.service_type() == ServiceType::LoadBalancer;
    }());
}
