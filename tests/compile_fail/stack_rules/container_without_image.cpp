// expect: Deployment .?.frontend.?. container .?.frontend.?. has no image.*to name the main
// Kubernetes: containers[0].image: Required value.
#include <kubestack.hpp>

using namespace kubestack;

// Meant to name the main container "server", this adds a second container next to it.
constexpr Stack broken() {
    return stack().apply(deployment("frontend").container(container("server").image("app:1")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
