// expect: provisioner_must_be_a_qualified_name_like_example_com_slash_driver
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto fast = storageClass("fast", "k8s.io/minikube/hostpath"); // <- error

int main() {}
