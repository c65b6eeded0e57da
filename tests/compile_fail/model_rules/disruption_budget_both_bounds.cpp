// expect: PodDisruptionBudget .?.web.?.: spec: a budget sets minAvailable or maxUnavailable, not
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidatePodDisruptionBudgetSpec: "minAvailable and maxUnavailable cannot be both set". The
// near miss sets minAvailable only.
constexpr api::policy::v1::PodDisruptionBudget web() {
    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "web";
    budget.spec.emplace().minAvailable = 1;
    budget.spec->maxUnavailable = 1;
    budget.spec->selector.emplace().matchLabels.emplace().push_back({"app", "web"});
    return budget;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
