// expect: role_name_must_not_be_empty_dot_or_contain_slash_or_percent
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(clusterRole("a/b")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
