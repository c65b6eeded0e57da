// expect: StatefulSet .?.zk.?. is governed by Service .?.zk-hs.?., which is not
// headless
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
    return stack().apply(zk(),
                         service("zk-hs").selector("app", "zk").port("server", 2888, "server"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
