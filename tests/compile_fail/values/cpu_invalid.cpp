// expect: cpu_quantity_must_be_cores_like_2_or_0_5_or_millicores_like_500m
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").cpu("0.5m")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
