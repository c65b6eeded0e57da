// expect: Service .?.web.?. gives port 80 nodePort 30080, which a Service of type ClusterIP may not
// have
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: nodePort: Forbidden: may not be used when `type` is 'ClusterIP'. nodePort()
// makes the type NodePort; setting ClusterIP afterwards keeps the node port.
constexpr Stack broken() {
    const auto web = deployment("web").image("web:1").port("http", 80);
    return stack().apply(web, service(web).nodePort("http", 30080).type(ServiceType::ClusterIP));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
