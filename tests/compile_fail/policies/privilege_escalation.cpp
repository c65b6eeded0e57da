// expect: polaris/privilegeEscalationAllowed: Deployment .?.web.?. container .?.web.?. does not set
#include "compliant.hpp"

using namespace kubestack;

// An explicit setting wins over hardened(). The near miss adjusts the profile otherwise (it
// adds NET_BIND_SERVICE) and keeps allowPrivilegeEscalation: false.
constexpr Stack broken() {
    const auto web =
        compliant_web().securityContext(ContainerSecurity().allowPrivilegeEscalation(true));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
