// expect: memory_quantity_must_be_a_number_with_an_optional_suffix
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(persistentVolume("data").capacity("lots")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
