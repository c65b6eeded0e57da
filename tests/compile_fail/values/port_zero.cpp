// expect: port_number_must_be_between_1_and_65535
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(service("legacy").port("web", 0, "http")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
