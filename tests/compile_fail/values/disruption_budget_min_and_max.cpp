// expect: disruption_budget_gives_min_available_or_max_unavailable_not_both
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto zk = deployment("zk");
constexpr auto budget =
    podDisruptionBudget("zk").selects(zk).minAvailable(2).maxUnavailable(1); // <- error

int main() {}
