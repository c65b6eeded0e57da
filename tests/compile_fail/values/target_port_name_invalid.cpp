// expect: port_name_must_be_at_most_15_lowercase_alphanumerics_or_dashes_with_a_letter
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(service("legacy").port("web", 80, "Web_Port")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
