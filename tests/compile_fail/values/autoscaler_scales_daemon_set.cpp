// expect: autoscaler_scales_only_workloads_with_a_scale_subresource_not_daemon_sets
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto agent = daemonSet("agent");
constexpr auto autoscaler =
    horizontalPodAutoscaler("agent").scales(agent).maxReplicas(3); // <- error

int main() {}
