// expect: autoscaler_min_replicas_must_be_at_least_1
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto web = deployment("web");
constexpr auto autoscaler = horizontalPodAutoscaler(web).minReplicas(0).maxReplicas(3); // <- error

int main() {}
