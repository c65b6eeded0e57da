// expect: percentage_must_be_written_like_50_percent_from_0_to_100
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto zk = deployment("zk");
constexpr auto budget = podDisruptionBudget("zk").selects(zk).minAvailable("101%"); // <- error

int main() {}
