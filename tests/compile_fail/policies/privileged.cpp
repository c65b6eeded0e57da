// expect: kube-linter/privileged-container: Deployment .?.web.?. container .?.web.?. is privileged
#include "compliant.hpp"

using namespace kubestack;

// hardened() says nothing of privileged, so an explicit privileged(true) stays. The near miss
// sets privileged(false).
constexpr Stack broken() {
    const auto web = compliant_web().securityContext(ContainerSecurity().privileged(true));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
