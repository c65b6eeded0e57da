// expect: ConfigMap .?.app.?. breaks rule text_must_be_valid_utf8
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(configMap("app").data("GREETING", "caf\xe9"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
