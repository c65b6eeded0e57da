// expect: polaris/dangerousCapabilities: Deployment .?.web.?. .*adds capability NET_ADMIN
#include "compliant.hpp"

using namespace kubestack;

// ALL is still dropped, but NET_ADMIN is added back. The near miss adds NET_BIND_SERVICE,
// which the check does not list.
constexpr Stack broken() {
    const auto web =
        compliant_web().securityContext(ContainerSecurity().addCapabilities({"NET_ADMIN"}));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
