// expect: name_must_be_a_dns_label_of_at_most_63_lowercase_alphanumerics_or_dashes
#include <kubestack.hpp>

using namespace kubestack;

// A Service's port name is a DNS label: longer than a container port's, but lowercase.
constexpr Stack broken() {
    return stack().apply(service("legacy").port("Metrics", 9090, 9090)); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
