// expect: name_must_be_a_dns_label_of_at_most_63_lowercase_alphanumerics_or_dashes
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("app.v1")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
