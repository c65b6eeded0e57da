// expect: lifecycle_hooks_run_exec_or_http_get_not_tcp_socket_or_grpc
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").preStop(tcpSocket(80))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
