// expect: PodDisruptionBudget .?.zk.?. breaks rule disruption_budget_gives_min_available_or_max_una
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto zk = deployment("zk").image("zookeeper:3.9");
    return stack().apply(zk,
                         podDisruptionBudget("zk").selects(zk).minAvailable(2).maxUnavailable(1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
