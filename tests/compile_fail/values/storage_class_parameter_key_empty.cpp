// expect: storage_class_parameter_key_must_not_be_empty
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        storageClass("fast", "k8s.io/minikube-hostpath").parameter("", "x")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
