// whoami behind Traefik, with a cert-manager certificate, scraped by Prometheus: a stack
// whose builders' objects (a Deployment and its Service) sit beside custom resources of
// the three real CRD files of ../shared/crds, imported with kubestack_import_crds().
//
// The custom resources read the names, labels and port they refer to off the builders'
// objects and off each other, so that a rename cannot leave a dangling reference.
// tests/crd/validate_custom_resources.py checks what the binary writes against the CRDs'
// own schemas.
#include <kubestack.hpp>
#include <kubestack/crd/cert-manager.io/v1.hpp>
#include <kubestack/crd/monitoring.coreos.com/v1.hpp>
#include <kubestack/crd/traefik.io/v1alpha1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace monitoring = crd::monitoring_coreos_com::v1;
namespace traefik = crd::traefik_io::v1alpha1;
namespace cert_manager = crd::cert_manager_io::v1;

constexpr auto whoami = deployment("whoami")
                            .image("traefik/whoami:v1.10.3")
                            .replicas(2)
                            .port("http", 8080)
                            .args({"--port", "8080"})
                            .memory("64Mi")
                            .cpu("100m");
// Prometheus selects Services by their own labels, not by their pod selector.
constexpr auto whoami_service = service(whoami).label("app.kubernetes.io/name", "whoami");

// Name and namespace of a custom resource: the namespace the builders' objects default to.
constexpr api::meta::v1::ObjectMeta metadata_for(std::string_view name) {
    api::meta::v1::ObjectMeta meta;
    meta.name = name;
    meta.namespace_ = default_namespace;
    return meta;
}

constexpr cert_manager::Certificate whoami_certificate() {
    cert_manager::Certificate certificate;
    certificate.metadata = metadata_for("whoami");
    auto& spec = certificate.spec.emplace();
    spec.secretName = "whoami-tls";
    spec.dnsNames.emplace().push_back("whoami.example.com");
    spec.issuerRef.group = "cert-manager.io";
    spec.issuerRef.kind = "ClusterIssuer";
    spec.issuerRef.name = "letsencrypt";
    spec.duration = "2160h";
    spec.renewBeforePercentage = 25;
    auto& key = spec.privateKey.emplace();
    key.algorithm = "ECDSA"; // enums: "DSA" does not compile
    key.size = 256;
    key.rotationPolicy = "Always";
    spec.usages.emplace().push_back("server auth");
    spec.usages->push_back("digital signature");
    return certificate;
}

constexpr traefik::Middleware whoami_rate_limit() {
    traefik::Middleware middleware;
    middleware.metadata = metadata_for("whoami-rate-limit");
    auto& limit = middleware.spec.rateLimit.emplace();
    limit.average = 100;
    limit.burst = 200;
    limit.period = "1s"; // the string side of an int-or-string
    return middleware;
}

constexpr traefik::IngressRoute whoami_route() {
    traefik::IngressRoute route;
    route.metadata = metadata_for("whoami");
    route.spec.entryPoints.emplace().push_back("websecure");
    traefik::IngressRouteSpecRoutes rule;
    rule.match = "Host(`whoami.example.com`)";
    rule.kind = "Rule";
    rule.middlewares.emplace().push_back({.name = *whoami_rate_limit().metadata.name});
    traefik::IngressRouteSpecRoutesServices backend;
    backend.name = whoami_service.name();
    backend.port = whoami_service.ports()[0].port; // the integer side
    rule.services.emplace().push_back(backend);
    route.spec.routes.push_back(rule);
    route.spec.tls.emplace().secretName = whoami_certificate().spec->secretName;
    return route;
}

constexpr monitoring::ServiceMonitor whoami_monitor() {
    monitoring::ServiceMonitor monitor;
    monitor.metadata = metadata_for("whoami");
    monitor.metadata->labels.emplace().push_back({"release", "prometheus"});
    auto& labels = monitor.spec.selector.matchLabels.emplace();
    for (const Label& label : whoami_service.metadata().labels)
        labels.push_back({label.key, label.value});
    monitoring::ServiceMonitorSpecEndpoints endpoint;
    endpoint.port = whoami_service.ports()[0].name;
    endpoint.path = "/metrics";
    endpoint.interval = "30s";
    endpoint.scheme = "http";
    monitoring::ServiceMonitorSpecEndpointsMetricRelabelings drop_go_metrics;
    drop_go_metrics.action = "drop";
    drop_go_metrics.sourceLabels.emplace().push_back("__name__");
    drop_go_metrics.regex = "go_.*";
    endpoint.metricRelabelings.emplace().push_back(drop_go_metrics);
    monitor.spec.endpoints.push_back(endpoint);
    return monitor;
}

constexpr Stack whoami_stack() {
    return stack()
        .apply(object<whoami_certificate>())
        .apply(whoami, whoami_service, object<whoami_rate_limit>(), object<whoami_route>(),
               object<whoami_monitor>());
}

int main(int argc, char** argv) {
    return kubestack::run<whoami_stack>(argc, argv);
}
