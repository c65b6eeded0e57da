// expect: Deployment .?.web.?. breaks rule rolling_update_needs_max_surge_or_max_unavailable_above_
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const RollingUpdate none = {.maxSurge = 0, .maxUnavailable = "0%"};
    return stack().apply(deployment("web").image("web:1").rollingUpdate(none));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
