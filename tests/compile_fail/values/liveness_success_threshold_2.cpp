// expect: Deployment .?.web.?. container .?.web.?. breaks rule liveness_and_startup_probes_need_a_s
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto probe = tcpSocket(80).successThreshold(2);
    return stack().apply(deployment("web").image("web:1").livenessProbe(probe));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
