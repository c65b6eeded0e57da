// expect: capability_must_be_uppercase_letters_digits_or_underscores_without_CAP_prefix
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").securityContext(
        containerSecurity().addCapabilities({"CAP_NET_ADMIN"}))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
