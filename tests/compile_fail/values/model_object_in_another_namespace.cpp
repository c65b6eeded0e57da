// expect: PodDisruptionBudget .?.web.?. breaks rule in_namespace_names_another_namespace
#include <kubestack.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// The budget's metadata puts it in "shop"; the namespace object names "shops".
constexpr api::policy::v1::PodDisruptionBudget shop_budget() {
    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "web";
    budget.metadata->namespace_ = "shop";
    budget.spec.emplace().maxUnavailable = 1;
    return budget;
}

constexpr Stack broken() {
    return stack().apply(object<shop_budget>().inNamespace(namespace_("shops").createdElsewhere()));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
