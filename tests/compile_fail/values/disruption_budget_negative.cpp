// expect: disruption_budget_pod_count_must_not_be_negative
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto zk = deployment("zk");
constexpr auto budget = podDisruptionBudget("zk").selects(zk).maxUnavailable(-1); // <- error

int main() {}
