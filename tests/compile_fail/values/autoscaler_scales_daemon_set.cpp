// expect: HorizontalPodAutoscaler .?.agent.?. breaks rule autoscaler_scales_only_workloads_with_a_s
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto agent = daemonSet("agent").image("agent:1");
    return stack().targets("1.23").apply(
        agent, horizontalPodAutoscaler("agent").scales(agent).maxReplicas(3));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
