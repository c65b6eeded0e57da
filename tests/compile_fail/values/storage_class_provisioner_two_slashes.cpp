// expect: provisioner_must_be_a_qualified_name_like_example_com_slash_driver
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(storageClass("fast", "k8s.io/minikube/hostpath")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
