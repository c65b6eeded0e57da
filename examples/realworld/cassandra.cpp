// Cassandra on a StatefulSet: kubernetes/examples' databases/cassandra
// (cassandra-service.yaml, cassandra-statefulset.yaml: ../shared/realworld/cassandra/
// original.yaml), rewritten as a stack: a ring of three nodes, each with its own SSD claim,
// found by the others through a headless Service.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack cassandra() {
    // The claims' class, as the example ships it for minikube.
    const auto fast = storageClass("fast", "k8s.io/minikube-hostpath").parameter("type", "pd-ssd");

    const auto ring =
        statefulSet("cassandra")
            .serviceName("cassandra")
            .replicas(3)
            // A node drains its data to the others before it stops: that takes time.
            .terminationGracePeriodSeconds(1800)
            .image("gcr.io/google-samples/cassandra:v14")
            .imagePullPolicy(ImagePullPolicy::Always)
            .port("intra-node", 7000)
            .port("tls-intra-node", 7001)
            .port("jmx", 7199)
            .port("cql", 9042)
            .cpu("500m")
            .memory("1Gi")
            .cpuRequest("500m")
            .memoryRequest("1Gi")
            .securityContext(containerSecurity().addCapabilities({"IPC_LOCK"}))
            .preStop(exec({"/bin/sh", "-c", "nodetool drain"}))
            .env("MAX_HEAP_SIZE", "512M")
            .env("HEAP_NEWSIZE", "100M")
            .env("CASSANDRA_SEEDS", "cassandra-0.cassandra.default.svc.cluster.local")
            .env("CASSANDRA_CLUSTER_NAME", "K8Demo")
            .env("CASSANDRA_DC", "DC1-K8Demo")
            .env("CASSANDRA_RACK", "Rack1-K8Demo")
            .env("CASSANDRA_SEED_PROVIDER", "io.k8s.cassandra.KubernetesSeedProvider")
            .env("POD_IP", fieldRef("status.podIP"))
            .readinessProbe(exec({"/bin/bash", "-c", "/ready-probe.sh"})
                                .initialDelaySeconds(15)
                                .timeoutSeconds(5)
                                .periodSeconds(10)
                                .failureThreshold(3))
            .livenessProbe(exec({"/bin/bash", "-c", "nodetool status"})
                               .initialDelaySeconds(15)
                               .timeoutSeconds(5)
                               .periodSeconds(10)
                               .failureThreshold(3))
            // The example names the class by the beta annotation, not storageClassName.
            .claimTemplate(persistentVolumeClaim("cassandra-data")
                               .annotation("volume.beta.kubernetes.io/storage-class", fast.name())
                               .accessMode(AccessMode::ReadWriteOnce)
                               .request("1Gi"))
            .mount("cassandra-data", "/var/lib/cassandra");

    // Clients and peers reach the nodes by name through it: no cluster IP.
    const auto ring_service =
        service("cassandra").selects(ring).label("app", "cassandra").headless().port(9042);

    // Applied with `kubectl -n <namespace>`, as upstream: no object names its namespace.
    return stack().withoutNamespaces().apply(fast).apply(ring_service, ring);
}

int main(int argc, char** argv) {
    return run<cassandra>(argc, argv);
}
