// expect: kube-score/container-seccomp-profile: Deployment .?.web.?. .*runs Unconfined, as its pod
#include "compliant.hpp"

using namespace kubestack;

// Unconfined is no profile, and the pod's explicit setting wins over hardened(). The near miss
// sets RuntimeDefault on the container, which wins over the pod's Unconfined.
constexpr Stack broken() {
    const auto web =
        compliant_web().podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
