// expect: Deployment .?.web.?. sets a seccompProfile .*which Kubernetes 1.18 does not serve
#include <kubestack.hpp>

using namespace kubestack;

// seccompProfile is a field from 1.19 on. The near miss targets 1.19.
constexpr Stack broken() {
    return stack().targets("1.18").apply(deployment("web").image("web:1").hardened());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
