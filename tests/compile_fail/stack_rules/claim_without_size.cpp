// expect: PersistentVolumeClaim .?.data.?. asks for no storage size
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: spec.resources[storage]: Required value.
constexpr Stack broken() {
    return stack().apply(
        persistentVolumeClaim("data").accessMode(AccessMode::ReadWriteOnce).inNamespace("default"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
