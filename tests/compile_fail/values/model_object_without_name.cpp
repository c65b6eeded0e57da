// expect: PodDisruptionBudget .?..?. breaks rule object_in_a_stack_needs_a_metadata_name
#include <kubestack.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

constexpr api::policy::v1::PodDisruptionBudget unnamed_budget() {
    return {};
}

constexpr Stack broken() {
    return stack().apply(object<unnamed_budget>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
