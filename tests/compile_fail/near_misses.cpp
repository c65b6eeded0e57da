// The near miss of every value rule: the closest value that must still compile.
// Built with the tests; if any rule is too strict, this file stops compiling.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack near_misses() {
    const auto config = configMap("postgres")
                            .inNamespace("team-1")
                            .data("POSTGRES_DB", "votes")
                            .data("a.b-c_d", "x");
    const auto credentials =
        secret("postgres").inNamespace("team-1").data("POSTGRES_PASSWORD", "x");
    const auto scripts = configMap("init-scripts")
                             .inNamespace("team-1")
                             .file("postgres")
                             .data("1st.sql", "SELECT 1;");
    const auto volume = persistentVolume("data.v1")
                            .capacity("0.5Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .hostPath("/data");
    const auto claim = persistentVolumeClaim("data").inNamespace("team-1").boundTo(volume);
    const auto account = serviceAccount("reader.v1");
    const auto role = clusterRole("system:reader")
                          .rule({.apiGroups = {"", "apps"},
                                 .resources = {"pods", "deployments/scale"},
                                 .verbs = {"get", "deletecollection", "*"}});
    const auto app = deployment("a-1")
                         .inNamespace("team-1")
                         .image("registry.example.com:5000/team/app:V1.2")
                         .replicas(0)
                         .restartPolicy(RestartPolicy::Always)
                         .port("a23456789012345", 65535)
                         .port("p", 1, Protocol::UDP)
                         .label("app.kubernetes.io/part-of", "Shop_1.x")
                         .label("empty", "")
                         .annotation("example.com/note", "any text: at all")
                         .annotation("Example.com/Capitals", "a prefix of any case")
                         // Valid UTF-8 up to its edges, and what YAML must escape.
                         .annotation("example.com/utf8", "\u0080\uD7FF\uE000\U0010FFFF")
                         .args({"\u0085", "\u2028", "+.inf", "?a"})
                         .env("_x.y-z", "5432")
                         .env(config.key("POSTGRES_DB"))
                         .env("PASSWORD", credentials.key("POSTGRES_PASSWORD"))
                         .envFrom(config)
                         .memory("128M")
                         .memoryRequest("1.5Mi")
                         .cpu("2")
                         .cpuRequest("0.5")
                         .mount(claim, "/var/lib/data")
                         .mount(scripts, "/docker-entrypoint-initdb.d")
                         .mount(hostPath("root", "/"), "/rootfs", Access::ReadOnly)
                         .container(container("side-car").image("busybox").cpu("500m"));
    const auto exposed = service(app).nodePort("a23456789012345", 32767).nodePort("p", 30000);
    const auto by_hand = service("z")
                             .inNamespace("team-1")
                             .selector("app", "a-1")
                             .port("web", 80, 65535)
                             .port("named", 81, "p", Protocol::UDP)
                             // A Service port's name is a DNS label, not a 15-character one.
                             .port("metrics-endpoint-v2", 9090, 65535);
    // limits::ports: exactly 16 ports fit.
    const auto full = deployment("full")
                          .image("full:1")
                          .port("p1", 1)
                          .port("p2", 2)
                          .port("p3", 3)
                          .port("p4", 4)
                          .port("p5", 5)
                          .port("p6", 6)
                          .port("p7", 7)
                          .port("p8", 8)
                          .port("p9", 9)
                          .port("p10", 10)
                          .port("p11", 11)
                          .port("p12", 12)
                          .port("p13", 13)
                          .port("p14", 14)
                          .port("p15", 15)
                          .port("p16", 16);
    // Pods and containers: the closest probe timings, ids, capabilities, header names, pod
    // fields, rolling-update values, and an init container with all but ports, probes, hooks.
    const auto probed =
        deployment("probed")
            .inNamespace("team-1")
            .containerName("server")
            .image("probed:1")
            .port(8080)
            .port("http", 80)
            .command({"sh", "-c", "\u2028"})
            .terminationGracePeriodSeconds(0)
            .livenessProbe(httpGet("/", "http")
                               .header("X-Probe-1", "\u00e9 any: text")
                               .scheme(Scheme::HTTPS)
                               .initialDelaySeconds(0)
                               .periodSeconds(1)
                               .timeoutSeconds(1)
                               .successThreshold(1)
                               .failureThreshold(1))
            .readinessProbe(exec({"true"}).successThreshold(2))
            .startupProbe(grpc(65535).successThreshold(1))
            .postStart(exec({"true"}))
            .preStop(httpGet("/stop", 8080))
            .env("POD_IP", fieldRef("status.podIPs"))
            .env("APP", fieldRef("metadata.labels['app.kubernetes.io/name']"))
            .env("NOTE", fieldRef("metadata.annotations['a']"))
            .podSecurityContext(podSecurity().runAsUser(0).runAsGroup(0).fsGroup(0))
            .securityContext(
                containerSecurity().addCapabilities({"NET_ADMIN", "A"}).dropCapabilities({"ALL"}))
            .initContainer(container("wait")
                               .image("busybox")
                               .command({"sh"})
                               .env("X", fieldRef("metadata.name"))
                               .mount(emptyDir("tmp", "1"), "/tmp")
                               .securityContext(containerSecurity().runAsNonRoot()))
            .rollingUpdate({.maxSurge = 0, .maxUnavailable = "1%"});
    const auto recreated = deployment("recreated")
                               .inNamespace("team-1")
                               .image("recreated:1")
                               .rollingUpdate({.maxSurge = "0%", .maxUnavailable = 1})
                               .strategy(DeploymentStrategy::Recreate);
    return stack()
        .targets("1.21") // the last version that serves extensions/v1beta1
        .apply(namespace_("team-1"), account, role,
               clusterRoleBinding("reader").role(role).subject(account))
        .apply(config, credentials, scripts, volume, claim, app, exposed, by_hand, full, probed,
               recreated)
        .apply(ingress("a.b")
                   .apiVersion(IngressApi::extensions_v1beta1)
                   .inNamespace("team-1")
                   .className("traefik")
                   .route("*.example.com", exposed)
                   .route("shop.example.com", "/api", exposed, "p")
                   // A Service's port of a name longer than a container port's.
                   .route("metrics.example.com", "/", by_hand, "metrics-endpoint-v2"));
}

int main(int argc, char** argv) {
    return run<near_misses>(argc, argv);
}
