// expect: Deployment .?.app.?. container .?.app.?. breaks rule env_var_taken_from_a_key_needs_a_key
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto config = configMap("app").data("1st", "x");
    return stack().apply(config, deployment("app").env(config.key("1st")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
