// expect: port_number_must_be_between_1_and_65535
// The harness must report this valid snippet as a failure: it compiles.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack valid() {
    return stack().apply(deployment("poll").port("http", 65535));
}

int main(int argc, char** argv) {
    return run<valid>(argc, argv);
}
