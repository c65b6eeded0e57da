// expect: PersistentVolumeClaim .?.data.?. asks for no access mode
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: spec.accessModes: Required value: at least 1 access mode is required.
constexpr Stack broken() {
    return stack().apply(persistentVolumeClaim("data").request("1Gi"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
