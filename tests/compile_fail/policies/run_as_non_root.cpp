// expect: kube-linter/run-as-non-root: Deployment .?.web.?. container .?.web.?. may run as root
#include "compliant.hpp"

using namespace kubestack;

// A container that sets runAsUser(0) breaks the check, though hardened() gives the pod
// runAsNonRoot. The near miss runs as UID 1000.
constexpr Stack broken() {
    const auto web = compliant_web().securityContext(ContainerSecurity().runAsUser(0));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
