// expect: polaris/automountServiceAccountToken: Deployment .?.web.?. mounts its service account
#include "compliant.hpp"

using namespace kubestack;

// An explicit automountServiceAccountToken(true) wins over hardened(). The near miss runs as
// an account of its own that no binding grants a role, and so gets no token.
constexpr Stack broken() {
    const auto web = compliant_web().automountServiceAccountToken(true);
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
