// expect: autoscaler_stabilization_window_must_be_between_0_and_3600_seconds
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto web = deployment("web");
constexpr auto autoscaler =
    horizontalPodAutoscaler(web).maxReplicas(3).scaleDownStabilization(3601); // <- error

int main() {}
