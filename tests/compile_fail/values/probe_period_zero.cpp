// expect: probe_period_and_timeout_must_be_at_least_1_second
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").readinessProbe(
        tcpSocket(80).periodSeconds(0))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
