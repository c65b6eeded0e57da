// expect: Deployment .?.web.?. container .?.web.?. breaks rule header_and_scheme_only_apply_to_an_h
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("web").image("web:1").livenessProbe(tcpSocket(80).header("X-Probe", "1")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
