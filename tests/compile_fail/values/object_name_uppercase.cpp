// expect: name_must_be_a_dns_subdomain_of_lowercase_alphanumerics_dashes_and_dots
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(configMap("Poll")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
