// expect: env_var_taken_from_a_key_needs_a_key_that_is_a_valid_env_var_name
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto config = configMap("app").data("1st", "x");
    return stack().apply(config, deployment("app").env(config.key("1st"))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
