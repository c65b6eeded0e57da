// expect: StatefulSet .?.zk.?. spreads its pods with anti-affinity term app In
// .zk. .its own pods carry app.kubernetes.io/name=zk.
#include <kubestack.hpp>

using namespace kubestack;

// The ZooKeeper tutorial's StatefulSet as published (../shared/realworld/zookeeper): its
// pods carry app.kubernetes.io/name=zk, its anti-affinity term asks for app In [zk], which
// no pod carries, so the term keeps no two servers apart. The near miss is the rewrite,
// examples/realworld/zookeeper.cpp, whose term selects app.kubernetes.io/name In [zk].
constexpr Stack broken() {
    const auto zk = statefulSet("zk")
                        .selector("app.kubernetes.io/name", "zk")
                        .withoutLabels()
                        .serviceName("zk-hs")
                        .replicas(3)
                        .antiAffinity(labelIn("app", {"zk"}))
                        .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
                        .port("client", 2181)
                        .port("server", 2888)
                        .port("leader-election", 3888)
                        .claimTemplate(persistentVolumeClaim("datadir").request("10Gi"))
                        .mount("datadir", "/var/lib/zookeeper");
    const auto zk_hs = service("zk-hs")
                           .selects(zk)
                           .label("app.kubernetes.io/name", "zk")
                           .headless()
                           .port("server", 2888)
                           .port("leader-election", 3888);
    return stack().withoutNamespaces().apply(zk_hs, zk);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
