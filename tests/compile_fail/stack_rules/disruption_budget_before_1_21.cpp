// expect: PodDisruptionBudget .?.web.?. is written as policy/v1, which Kubernetes
// 1.20 does not serve .served from 1.21.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1").replicas(2);
    return stack().targets("1.20").apply(web,
                                         podDisruptionBudget("web").selects(web).minAvailable(1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
