// expect: HorizontalPodAutoscaler .?.web.?. breaks rule autoscaler_target_utilization_must_be_a_per
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().targets("1.23").apply(
        web, horizontalPodAutoscaler(web).maxReplicas(3).cpuUtilization(0));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
