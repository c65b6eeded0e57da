// expect: rolling_update_value_must_be_a_count_or_a_percentage_like_25_percent
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("web").image("web:1").rollingUpdate({.maxSurge = "25"})); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
