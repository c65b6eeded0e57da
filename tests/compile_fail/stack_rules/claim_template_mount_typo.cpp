// expect: StatefulSet .?.zk.?. mounts volume .?.data-dir.?. at /data, which its pod
// does not define
#include <kubestack.hpp>

using namespace kubestack;

// A ZooKeeper ensemble: three pods, each with its own claim, and a client Service.
constexpr auto zk() {
    return statefulSet("zk")
        .replicas(3)
        .serviceName("zk-hs")
        .port("server", 2888)
        .claimTemplate(persistentVolumeClaim("datadir").request("10Gi"))
        .mount("datadir", "/var/lib/zookeeper");
}

constexpr Stack broken() {
    const auto ensemble = zk().mount("data-dir", "/data");
    return stack().apply(
        ensemble, service("zk-hs").headless().selector("app", "zk").port("server", 2888, "server"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
