// expect: Deployment .?.web.?. container .?.web.?. is privileged, and sets allowPrivilegeEsc
#include <kubestack.hpp>

using namespace kubestack;

// ValidateSecurityContext: "cannot set `allowPrivilegeEscalation` to false and `privileged` to
// true". The near miss, a hardened privileged container, leaves allowPrivilegeEscalation
// unset.
constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").securityContext(
        ContainerSecurity().privileged(true).allowPrivilegeEscalation(false)));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
