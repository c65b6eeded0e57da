// expect: policy_check_must_be_a_name_listed_in_kubestack_policy_hpp
#include <kubestack.hpp>

using namespace kubestack;

// A waiver names a check of policy.hpp, as its source spells it. The near miss
// (near_misses.cpp) writes kube-linter/latest-tag.
constexpr Stack broken() {
    return stack().apply(
        deployment("web").image("nginx:latest").waive("latest-tag", "a demo")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
