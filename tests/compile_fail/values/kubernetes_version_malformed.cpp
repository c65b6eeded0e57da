// expect: kubernetes_version_must_be_written_like_1_21
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().targets("1.x").apply(configMap("app")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
