// expect: HorizontalPodAutoscaler .?.web.?. breaks rule autoscaler_stabilization_window_must_be_bet
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().targets("1.23").apply(
        web, horizontalPodAutoscaler(web).maxReplicas(3).scaleDownStabilization(3601));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
