// expect: Service .?.worker.?. has no port
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: spec.ports: Required value. service(worker) copies the ports of a workload
// that has none.
constexpr Stack broken() {
    const auto worker = deployment("worker").image("worker:1");
    return stack().apply(worker, service(worker));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
