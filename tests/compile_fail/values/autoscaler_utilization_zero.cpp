// expect: autoscaler_target_utilization_must_be_a_percentage_above_0
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto web = deployment("web");
constexpr auto autoscaler =
    horizontalPodAutoscaler(web).maxReplicas(3).cpuUtilization(0); // <- error

int main() {}
