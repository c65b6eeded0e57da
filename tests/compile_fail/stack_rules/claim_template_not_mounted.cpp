// expect: StatefulSet .?.zk.?. has claim template .?.datalog.?., which none of its
// containers mounts
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
    const auto ensemble = zk().claimTemplate(persistentVolumeClaim("datalog").request("1Gi"));
    return stack().apply(ensemble, service(ensemble).headless());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
