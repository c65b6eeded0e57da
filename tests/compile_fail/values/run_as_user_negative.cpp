// expect: user_and_group_ids_must_not_be_negative
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").podSecurityContext(
        podSecurity().runAsUser(-1))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
