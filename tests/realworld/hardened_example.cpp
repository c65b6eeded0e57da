// A real-world example with the hardened profile on every workload: the example's own stack
// function (EXAMPLE_SOURCE, EXAMPLE_STACK, set by tests/CMakeLists.txt), then
// Stack::hardened(). The test validates its stream against the 1.36 schema and checks that
// each pod carries the profile (tests/schema/check_hardened.py).
#include <kubestack.hpp>

// The example's own main() is renamed: this file's runs the hardened stack.
#define main example_main
#include EXAMPLE_SOURCE
#undef main

constexpr kubestack::Stack hardened_example() {
    kubestack::Stack hardened = EXAMPLE_STACK();
    return hardened.hardened();
}

int main(int argc, char** argv) {
    return kubestack::run<hardened_example>(argc, argv);
}
