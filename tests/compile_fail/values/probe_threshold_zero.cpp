// expect: probe_thresholds_must_be_at_least_1
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").readinessProbe(
        tcpSocket(80).failureThreshold(0))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
