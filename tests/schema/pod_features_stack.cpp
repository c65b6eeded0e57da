// A stack that uses every pod and container feature, in the shapes of the real-world stacks
// of ../shared/realworld/ (Online Boutique, Cassandra, ZooKeeper, WordPress, the voting
// app), for the schema test: what it writes must be valid against the Kubernetes schema.
#include <kubestack.hpp>

using namespace kubestack;

constexpr PodSecurity boutique_pod() {
    return podSecurity().fsGroup(1000).runAsGroup(1000).runAsNonRoot().runAsUser(1000);
}
constexpr ContainerSecurity boutique_container() {
    return containerSecurity()
        .allowPrivilegeEscalation(false)
        .dropCapabilities({"ALL"})
        .privileged(false)
        .readOnlyRootFilesystem();
}

constexpr Stack pod_features() {
    const auto frontend_account = serviceAccount("frontend");
    const auto frontend =
        deployment("frontend")
            .containerName("server")
            .image(
                "us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6")
            .serviceAccount(frontend_account)
            .podAnnotation("sidecar.istio.io/rewriteAppHTTPProbers", "true")
            .podSecurityContext(boutique_pod())
            .securityContext(boutique_container())
            .port(8080)
            .readinessProbe(httpGet("/_healthz", 8080)
                                .header("Cookie", "shop_session-id=x-readiness-probe")
                                .initialDelaySeconds(10))
            .livenessProbe(httpGet("/_healthz", 8080)
                               .header("Cookie", "shop_session-id=x-liveness-probe")
                               .initialDelaySeconds(10))
            .env("PORT", "8080")
            .cpuRequest("100m")
            .memoryRequest("64Mi")
            .cpu("200m")
            .memory("128Mi");
    const auto adservice =
        deployment("adservice")
            .containerName("server")
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "adservice:v0.10.6")
            .terminationGracePeriodSeconds(5)
            .podSecurityContext(boutique_pod().seccompProfile(Seccomp::RuntimeDefault))
            .securityContext(boutique_container())
            .port("grpc", 9555)
            .readinessProbe(grpc(9555).initialDelaySeconds(20).periodSeconds(15))
            .livenessProbe(grpc(9555).initialDelaySeconds(20).periodSeconds(15))
            .startupProbe(tcpSocket("grpc").failureThreshold(30).periodSeconds(2));
    const auto redis_cart = deployment("redis-cart")
                                .containerName("redis")
                                .image("redis:alpine")
                                .imagePullPolicy(ImagePullPolicy::IfNotPresent)
                                .port(6379)
                                .readinessProbe(tcpSocket(6379).periodSeconds(5))
                                .livenessProbe(tcpSocket(6379).periodSeconds(5))
                                .mount(emptyDir("redis-data"), "/data")
                                .mount(emptyDir("scratch", StorageMedium::Memory, "64Mi"), "/tmp");
    const auto loadgenerator =
        deployment("loadgenerator")
            .containerName("main")
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "loadgenerator:v0.10.6")
            .initContainer(container("frontend-check")
                               .image("busybox:1.38.0")
                               .command({"/bin/sh", "-exc", "wget -q http://${FRONTEND_ADDR}\n"})
                               .env("FRONTEND_ADDR", "frontend:80")
                               .securityContext(boutique_container()))
            .env("FRONTEND_ADDR", "frontend:80")
            .rollingUpdate({.maxSurge = 1, .maxUnavailable = "25%"});
    const auto cassandra = deployment("cassandra")
                               .image("gcr.io/google-samples/cassandra:v14")
                               .imagePullPolicy(ImagePullPolicy::Always)
                               .terminationGracePeriodSeconds(1800)
                               .port("cql", 9042)
                               .securityContext(containerSecurity().addCapabilities({"IPC_LOCK"}))
                               .preStop(exec({"/bin/sh", "-c", "nodetool drain"}))
                               .postStart(httpGet("/started", "cql").scheme(Scheme::HTTP))
                               .env("POD_IP", fieldRef("status.podIP"))
                               .env("POD_NAME", fieldRef("metadata.name"))
                               .readinessProbe(exec({"/bin/bash", "-c", "/ready-probe.sh"})
                                                   .initialDelaySeconds(15)
                                                   .timeoutSeconds(5)
                                                   .periodSeconds(10)
                                                   .failureThreshold(3)
                                                   .successThreshold(1));
    const auto zookeeper =
        deployment("zk")
            .containerName("kubernetes-zookeeper")
            .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
            .imagePullPolicy(ImagePullPolicy::Always)
            .command({"sh", "-c", "start-zookeeper --servers=3 --data_dir=/var/lib/zookeeper/data"})
            .port("client", 2181)
            .readinessProbe(exec({"sh", "-c", "zookeeper-ready 2181"})
                                .initialDelaySeconds(10)
                                .timeoutSeconds(5))
            .podSecurityContext(podSecurity().runAsUser(1000).fsGroup(1000))
            .strategy(DeploymentStrategy::Recreate);
    // The hardened profile, adjusted, with a writable path, and a node agent's host
    // namespaces and token.
    const auto hardened =
        deployment("hardened")
            .image("nginx:1.27")
            .hardened()
            .securityContext(containerSecurity().addCapabilities({"NET_BIND_SERVICE"}))
            .writablePath("cache", "/var/cache/nginx");
    const auto agent = daemonSet("agent")
                           .image("example/agent:1.0")
                           .hostNetwork()
                           .hostPID()
                           .hostIPC()
                           .automountServiceAccountToken(true);
    return stack()
        .targets("1.30")
        .apply(frontend_account)
        .apply(frontend, adservice, service(adservice), redis_cart, loadgenerator, cassandra,
               service(cassandra), zookeeper, service(zookeeper), hardened, agent);
}

int main(int argc, char** argv) {
    return run<pod_features>(argc, argv);
}
