// expect: ingress_backend_service_defines_no_port
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto worker = deployment("worker");
    return stack().apply(
        ingress("worker").route("worker.example.com", service(worker))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
