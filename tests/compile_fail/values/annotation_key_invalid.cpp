// expect: annotation_key_must_be_an_optional_dns_prefix_of_any_case_and_slash_then_a_name
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(ingress("poll").annotation("example.com/ingress class", "x")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
