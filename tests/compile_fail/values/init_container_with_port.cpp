// expect: Deployment .?.web.?. container .?.wait.?. breaks rule init_containers_take_no_ports_probe
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto wait = container("wait").image("busybox").port(80);
    return stack().apply(deployment("web").image("web:1").initContainer(wait));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
