// expect: file_stem_must_be_lowercase_alphanumerics_dashes_and_dots
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(configMap("app").file("App")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
