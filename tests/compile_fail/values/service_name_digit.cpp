// expect: service_name_must_start_with_a_letter_and_be_a_dns_label
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(service("3d")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
