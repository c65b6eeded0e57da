// expect: autoscaler_max_replicas_must_be_at_least_1_and_at_least_min_replicas
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto web = deployment("web");
constexpr auto autoscaler = horizontalPodAutoscaler(web).minReplicas(3).maxReplicas(2); // <- error

int main() {}
