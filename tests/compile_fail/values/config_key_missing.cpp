// expect: key_reference_names_a_key_that_the_config_map_or_secret_does_not_define
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto config = configMap("postgres").data("POSTGRES_DB", "votes");
    return stack().apply(config, deployment("worker").env(config.key("POSTGRES_DBX"))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
