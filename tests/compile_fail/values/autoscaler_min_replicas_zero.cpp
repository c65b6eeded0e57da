// expect: HorizontalPodAutoscaler .?.web.?. breaks rule autoscaler_min_replicas_must_be_at_least_1
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().targets("1.23").apply(
        web, horizontalPodAutoscaler(web).minReplicas(0).maxReplicas(3));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
