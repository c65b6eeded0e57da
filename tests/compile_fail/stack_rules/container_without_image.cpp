// expect: stack_rule_broken<.*Deployment ..frontend.. runs container ..frontend.. without an image
// next to other containers
#include <kubestack.hpp>

using namespace kubestack;

// Meant to name the main container "server", this adds a second container next to it.
constexpr Stack broken() {
    return stack().apply(deployment("frontend").container(container("server").image("app:1")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
