// expect: waiver_needs_a_reason
#include <kubestack.hpp>

using namespace kubestack;

// A waiver says why. The near miss (near_misses.cpp) gives a reason.
constexpr Stack broken() {
    return stack().apply(
        deployment("web").image("nginx:latest").waive("kube-linter/latest-tag", " ")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
