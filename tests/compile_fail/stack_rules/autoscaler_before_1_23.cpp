// expect: HorizontalPodAutoscaler .?.web.?. is written as autoscaling/v2, which
// Kubernetes 1.22 does not serve .served from 1.23.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().targets("1.22").apply(web, horizontalPodAutoscaler(web).maxReplicas(5));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
