// expect: port_name_must_be_at_most_15_lowercase_alphanumerics_or_dashes_with_a_letter
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").port("HTTP", 80)); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
