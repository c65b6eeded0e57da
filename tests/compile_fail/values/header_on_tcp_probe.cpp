// expect: header_and_scheme_only_apply_to_an_http_get_action
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").livenessProbe(
        tcpSocket(80).header("X-Probe", "1"))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
