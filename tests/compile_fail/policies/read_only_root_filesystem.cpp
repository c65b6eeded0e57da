// expect: kube-linter/no-read-only-root-fs: Deployment .?.web.?. .*has a writable root filesystem
#include "compliant.hpp"

using namespace kubestack;

// A container that writes to its image turns the read-only root filesystem off. The near
// miss keeps it read-only and gives the directory it writes to: writablePath().
constexpr Stack broken() {
    const auto web =
        compliant_web().securityContext(ContainerSecurity().readOnlyRootFilesystem(false));
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
