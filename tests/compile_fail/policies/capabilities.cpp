// expect: polaris/insecureCapabilities: Deployment .?.web.?. .*does not drop ALL capabilities
#include "compliant.hpp"

using namespace kubestack;

// Dropping some capabilities replaces the ALL that hardened() drops. The near miss adds back
// NET_BIND_SERVICE on top of ALL dropped.
constexpr Stack broken() {
    const auto web = compliant_web().securityContext(
        ContainerSecurity().dropCapabilities({"NET_RAW", "SYS_CHROOT"}));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
