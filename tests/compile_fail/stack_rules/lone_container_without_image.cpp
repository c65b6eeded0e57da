// expect: Deployment .?.web.?. container .?.web.?. has no image
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: containers[0].image: Required value (for pods; a Deployment accepts it, and
// then never starts a pod).
constexpr Stack broken() {
    return stack().apply(deployment("web").port("http", 80));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
