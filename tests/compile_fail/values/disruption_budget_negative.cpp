// expect: PodDisruptionBudget .?.zk.?. breaks rule disruption_budget_pod_count_must_not_be_negative
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto zk = deployment("zk").image("zookeeper:3.9");
    return stack().apply(zk, podDisruptionBudget("zk").selects(zk).maxUnavailable(-1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
