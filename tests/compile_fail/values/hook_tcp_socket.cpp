// expect: Deployment .?.web.?. container .?.web.?. breaks rule lifecycle_hooks_run_exec_or_http_get
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").preStop(tcpSocket(80)));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
