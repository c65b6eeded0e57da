// expect: Ingress .?.worker.?. routes worker.example.com/ to Service .?.worker.?., which defines no
// port
#include <kubestack.hpp>

using namespace kubestack;

// The Service copies the worker's ports, and it has none: the message reports the Service
// first, then the Ingress that routes to it.
constexpr Stack broken() {
    const auto worker = deployment("worker").image("worker:1");
    const auto worker_service = service(worker);
    return stack().apply(worker, worker_service,
                         ingress("worker").route("worker.example.com", worker_service));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
