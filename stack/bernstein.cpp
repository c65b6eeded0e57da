// The Bernstein stack: the voting app behind Traefik 1.7, with cAdvisor monitoring.
// Each block follows a table of ../shared/SPEC.md; `./stack --out generated` writes the
// 19 files the assignment names, and a kustomization.yaml.
#include <kubestack.hpp>

using namespace kubestack;

// What differs between the clusters the stack is built for.
struct ClusterValues {
    int replicas;           // of poll, result and traefik
    bool spread_over_nodes; // their pods on different nodes (required anti-affinity)
};

// As SPEC.md says: the default build, written to generated/.
inline constexpr ClusterValues prod{.replicas = 2, .spread_over_nodes = true};
// A one-node cluster for development: `stack --cluster dev`.
inline constexpr ClusterValues dev{.replicas = 1, .spread_over_nodes = false};

// The stack passes the recommended policies (kubestack/policy.hpp). What it fixes runs on
// any image on a 1.21 cluster: no privilege escalation, the runtime's default seccomp
// profile, and no API token for a pod that does not call the API.
inline constexpr auto no_escalation = ContainerSecurity().allowPrivilegeEscalation(false);
inline constexpr auto runtime_default = PodSecurity().seccompProfile(Seccomp::RuntimeDefault);
// What it waives, it waives for a reason. Only a live cluster can show whether images we did
// not write run without root, on a read-only root filesystem or without capabilities, and
// what cpu and memory they use.
inline constexpr Waiver untested_image =
    waiver({"kube-linter/run-as-non-root", "kube-linter/no-read-only-root-fs",
            "polaris/insecureCapabilities", "kube-score/container-resources"},
           "needs a live test: an image we did not write, whose user, writes and sizes we have "
           "not measured");
inline constexpr Waiver untested_probe =
    waiver({"kube-score/pod-probes"}, "needs a live test: the image documents no health check");

constexpr Stack bernstein(ClusterValues cluster) {
    // Monitoring: cAdvisor on every node, reading the node's filesystems.
    const auto cadvisor =
        daemonSet("cadvisor")
            .inNamespace("kube-system")
            .image("google/cadvisor:latest")
            .port("http", 8080)
            .restartPolicy(RestartPolicy::Always)
            .tolerateEveryTaint()
            .securityContext(no_escalation)
            .podSecurityContext(runtime_default)
            .automountServiceAccountToken(false)
            .waive(untested_image)
            .waive("kube-linter/latest-tag", "SPEC.md requires google/cadvisor:latest")
            .waive("kube-linter/sensitive-host-mounts",
                   "cAdvisor measures the node: it reads the node's / and /sys")
            .mount(hostPath("rootfs", "/"), "/rootfs", Access::ReadOnly)
            .mount(hostPath("var-run", "/var/run"), "/var/run", Access::ReadOnly)
            .mount(hostPath("sys", "/sys"), "/sys", Access::ReadOnly)
            .mount(hostPath("docker", "/var/lib/docker"), "/var/lib/docker", Access::ReadOnly);

    // Databases.
    // Set BERNSTEIN_POSTGRES_USER and BERNSTEIN_POSTGRES_PASSWORD when writing the
    // manifests for a real cluster; the defaults are the assignment's demo values.
    const auto postgres_secret =
        secret("postgres")
            .data("POSTGRES_USER", environment("BERNSTEIN_POSTGRES_USER").orDefault("postgres"))
            .data("POSTGRES_PASSWORD",
                  environment("BERNSTEIN_POSTGRES_PASSWORD").orDefault("password"));
    const auto postgres_config = configMap("postgres")
                                     .data("POSTGRES_HOST", "postgres")
                                     .data("POSTGRES_PORT", "5432")
                                     .data("POSTGRES_DB", "postgres");
    // Creates the votes table on first start, instead of the assignment's manual step.
    const auto postgres_init =
        configMap("postgres-init")
            .file("postgres")
            .data("create-votes.sql",
                  "CREATE TABLE IF NOT EXISTS votes (id text PRIMARY KEY, vote text NOT NULL);\n");
    const auto postgres_volume = persistentVolume("postgres")
                                     .capacity("512Mi")
                                     .accessMode(AccessMode::ReadWriteOnce)
                                     .storageClass("manual")
                                     .hostPath("/var/lib/bernstein/postgres");
    const auto postgres_claim = persistentVolumeClaim("postgres").boundTo(postgres_volume);
    const auto postgres = deployment("postgres")
                              .image("postgres:12")
                              .replicas(1)
                              .restartPolicy(RestartPolicy::Always)
                              .securityContext(no_escalation)
                              .podSecurityContext(runtime_default)
                              .automountServiceAccountToken(false)
                              .waive(untested_image)
                              .waive(untested_probe)
                              .port("postgres", 5432)
                              .env(postgres_config.key("POSTGRES_HOST"))
                              .env(postgres_config.key("POSTGRES_PORT"))
                              .env(postgres_config.key("POSTGRES_DB"))
                              .env(postgres_secret.key("POSTGRES_USER"))
                              .env(postgres_secret.key("POSTGRES_PASSWORD"))
                              .mount(postgres_claim, "/var/lib/postgresql/data")
                              .mount(postgres_init, "/docker-entrypoint-initdb.d");

    const auto redis_config = configMap("redis").data("REDIS_HOST", "redis");
    const auto redis = deployment("redis")
                           .image("redis:5.0")
                           .replicas(1)
                           .restartPolicy(RestartPolicy::Always)
                           .securityContext(no_escalation)
                           .podSecurityContext(runtime_default)
                           .automountServiceAccountToken(false)
                           .waive(untested_image)
                           .waive(untested_probe)
                           .port("redis", 6379);

    // Services.
    const auto poll = deployment("poll")
                          .image("epitechcontent/t-dop-600-poll:k8s")
                          .replicas(cluster.replicas)
                          .restartPolicy(RestartPolicy::Always)
                          .securityContext(no_escalation)
                          .podSecurityContext(runtime_default)
                          .automountServiceAccountToken(false)
                          .waive(untested_image)
                          .waive(untested_probe)
                          .memory("128M")
                          .port("http", 80)
                          .env(redis_config.key("REDIS_HOST"))
                          .antiAffinity(cluster.spread_over_nodes);
    const auto worker = deployment("worker")
                            .image("epitechcontent/t-dop-600-worker:k8s")
                            .replicas(1)
                            .restartPolicy(RestartPolicy::Always)
                            .securityContext(no_escalation)
                            .podSecurityContext(runtime_default)
                            .automountServiceAccountToken(false)
                            .waive(untested_image)
                            .memory("256M")
                            .env(redis_config.key("REDIS_HOST"))
                            .env(postgres_config.key("POSTGRES_HOST"))
                            .env(postgres_config.key("POSTGRES_PORT"))
                            .env(postgres_config.key("POSTGRES_DB"))
                            .env(postgres_secret.key("POSTGRES_USER"))
                            .env(postgres_secret.key("POSTGRES_PASSWORD"));
    const auto result = deployment("result")
                            .image("epitechcontent/t-dop-600-result:k8s")
                            .replicas(cluster.replicas)
                            .restartPolicy(RestartPolicy::Always)
                            .securityContext(no_escalation)
                            .podSecurityContext(runtime_default)
                            .automountServiceAccountToken(false)
                            .waive(untested_image)
                            .waive(untested_probe)
                            .memory("128M")
                            .port("http", 80)
                            .env(postgres_config.key("POSTGRES_HOST"))
                            .env(postgres_config.key("POSTGRES_PORT"))
                            .env(postgres_config.key("POSTGRES_DB"))
                            .env(postgres_secret.key("POSTGRES_USER"))
                            .env(postgres_secret.key("POSTGRES_PASSWORD"))
                            .antiAffinity(cluster.spread_over_nodes);
    const auto poll_service = service(poll);
    const auto result_service = service(result);

    // Load balancer: Traefik 1.7, allowed to read Services, Endpoints, Secrets and
    // Ingresses (which it reads through the extensions API group only).
    const auto traefik_account = serviceAccount("traefik").inNamespace("kube-public");
    const auto traefik_role = clusterRole("traefik")
                                  .rule({.apiGroups = {""},
                                         .resources = {"services", "endpoints", "secrets"},
                                         .verbs = {"get", "list", "watch"}})
                                  .rule({.apiGroups = {"extensions", "networking.k8s.io"},
                                         .resources = {"ingresses", "ingressclasses"},
                                         .verbs = {"get", "list", "watch"}})
                                  .rule({.apiGroups = {"extensions", "networking.k8s.io"},
                                         .resources = {"ingresses/status"},
                                         .verbs = {"update"}});
    const auto traefik_binding =
        clusterRoleBinding("traefik").role(traefik_role).subject(traefik_account);
    const auto traefik = deployment("traefik")
                             .inNamespace("kube-public")
                             .image("traefik:1.7")
                             .replicas(cluster.replicas)
                             .restartPolicy(RestartPolicy::Always)
                             .serviceAccount(traefik_account)
                             .securityContext(no_escalation)
                             .podSecurityContext(runtime_default)
                             .waive(untested_image)
                             .waive(untested_probe)
                             .waive("polaris/automountServiceAccountToken",
                                    "Traefik watches Ingresses and Services through the API")
                             .args({"--api", "--kubernetes", "--logLevel=INFO"})
                             .port("http", 80)
                             .port("admin", 8080)
                             .antiAffinity(cluster.spread_over_nodes);
    const auto traefik_service = service(traefik).nodePort("http", 30021).nodePort("admin", 30042);

    const auto poll_ingress =
        ingress("poll").classAnnotation("traefik").route("poll.dop.io", poll_service);
    const auto result_ingress =
        ingress("result").classAnnotation("traefik").route("result.dop.io", result_service);

    Stack bernstein =
        stack()
            .targets("1.21") // Traefik 1.7 reads Ingresses through extensions/v1beta1, gone in 1.22
            .policy(policies::recommended)
            .waive("kube-score/container-image-pull-policy",
                   "the images' tags are SPEC.md's; IfNotPresent restarts a pod without the "
                   "registry");
    // SPEC.md lists the stack's files: a check that needs an object of its own is waived.
    constexpr WaiverReason spec_lists_the_files = "SPEC.md lists the stack's files, and no other";
    if (cluster.replicas > 1)
        bernstein.waive(
            {"kube-score/pod-networkpolicy", "kube-score/deployment-has-poddisruptionbudget"},
            spec_lists_the_files);
    else
        bernstein.waive("kube-score/pod-networkpolicy", spec_lists_the_files);

    // The deployment order of the assignment, one `kubectl apply` per step.
    return bernstein.apply(cadvisor)
        .apply(postgres_secret, postgres_config, postgres_init, postgres_volume, postgres_claim,
               postgres, service(postgres))
        .apply(redis_config, redis, service(redis))
        .apply(poll, worker, result, poll_service, result_service, poll_ingress, result_ingress)
        .apply(traefik_account, traefik_role, traefik_binding, traefik, traefik_service);
}

int main(int argc, char** argv) {
    return run<cluster<"prod", bernstein, prod>, cluster<"dev", bernstein, dev>>(argc, argv);
}
