// expect: storage_class_parameter_key_must_not_be_empty
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto fast =
    storageClass("fast", "k8s.io/minikube-hostpath").parameter("", "x"); // <- error

int main() {}
