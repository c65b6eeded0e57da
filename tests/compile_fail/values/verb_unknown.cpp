// expect: verb_must_be_one_of_get_list_watch
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const PolicyRule read_pods{
        .apiGroups = {""}, .resources = {"pods"}, .verbs = {"read"}}; // <- error
    return stack().apply(clusterRole("reader").rule(read_pods));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
