// expect: ConfigMap .?.settings.?. is in namespace .?.shop.?., which the stack does not create
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: namespaces "shop" not found.
constexpr Stack broken() {
    return stack().apply(configMap("settings").inNamespace("shop").data("mode", "fast"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
