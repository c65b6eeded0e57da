// expect: Ingress .?.web.?. has no rule and no default backend
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: spec: Invalid value: either `defaultBackend` or `rules` must be specified.
constexpr Stack broken() {
    return stack().apply(ingress("web"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
