// ZooKeeper as the Kubernetes tutorial runs it ("Running ZooKeeper, A Distributed System
// Coordinator": kubernetes/website's zookeeper.yaml, ../shared/realworld/zookeeper/
// original.yaml), rewritten as a stack: an ensemble of three, one per node, each with its
// own claim, and a budget that lets a drain take down one server at a time.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack zookeeper() {
    // Every server runs the same command: the ensemble's settings, in one line.
    const auto zk =
        statefulSet("zk")
            .selector("app.kubernetes.io/name", "zk")
            .withoutLabels()
            .serviceName("zk-hs")
            .replicas(3)
            .updateStrategy(UpdateStrategy::RollingUpdate)
            .podManagementPolicy(PodManagementPolicy::OrderedReady)
            // Upstream's term asks for app In [zk], a label these pods do not carry, so it
            // kept nothing apart; this one selects the servers themselves
            // (zookeeper.differences.yaml).
            .antiAffinity(labelIn("app.kubernetes.io/name", {"zk"}))
            .containerName("kubernetes-zookeeper")
            .imagePullPolicy(ImagePullPolicy::Always)
            .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
            .memoryRequest("1Gi")
            .cpuRequest("0.5")
            .port("client", 2181)
            .port("server", 2888)
            .port("leader-election", 3888)
            .command({"sh", "-c",
                      "start-zookeeper --servers=3 --data_dir=/var/lib/zookeeper/data "
                      "--data_log_dir=/var/lib/zookeeper/data/log --conf_dir=/opt/zookeeper/conf "
                      "--client_port=2181 --election_port=3888 --server_port=2888 "
                      "--tick_time=2000 --init_limit=10 --sync_limit=5 --heap=512M "
                      "--max_client_cnxns=60 --snap_retain_count=3 --purge_interval=12 "
                      "--max_session_timeout=40000 --min_session_timeout=4000 --log_level=INFO"})
            .readinessProbe(exec({"sh", "-c", "zookeeper-ready 2181"})
                                .initialDelaySeconds(10)
                                .timeoutSeconds(5))
            .livenessProbe(exec({"sh", "-c", "zookeeper-ready 2181"})
                               .initialDelaySeconds(10)
                               .timeoutSeconds(5))
            .claimTemplate(persistentVolumeClaim("datadir")
                               .accessMode(AccessMode::ReadWriteOnce)
                               .request("10Gi"))
            .mount("datadir", "/var/lib/zookeeper")
            .podSecurityContext(podSecurity().runAsUser(1000).fsGroup(1000));

    // The servers find each other through the headless Service; clients use the other.
    const auto zk_hs = service("zk-hs")
                           .selects(zk)
                           .label("app.kubernetes.io/name", "zk")
                           .headless()
                           .port("server", 2888)
                           .port("leader-election", 3888);
    const auto zk_cs =
        service("zk-cs").selects(zk).label("app.kubernetes.io/name", "zk").port("client", 2181);

    // A node drain evicts one server at a time: two of three keep the quorum.
    const auto zk_pdb = podDisruptionBudget("zk-pdb").selects(zk).maxUnavailable(1);

    // Applied with `kubectl -n <namespace>`, as upstream: no object names its namespace.
    return stack().withoutNamespaces().apply(zk_hs, zk_cs, zk_pdb, zk);
}

int main(int argc, char** argv) {
    return run<zookeeper>(argc, argv);
}
