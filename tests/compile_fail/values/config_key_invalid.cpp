// expect: config_key_must_be_alphanumerics_dashes_underscores_or_dots
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(configMap("app").data("a/b", "x")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
