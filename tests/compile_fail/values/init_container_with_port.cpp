// expect: init_containers_take_no_ports_probes_or_lifecycle_hooks
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto wait = container("wait").image("busybox").port(80);
    return stack().apply(deployment("web").image("web:1").initContainer(wait)); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
