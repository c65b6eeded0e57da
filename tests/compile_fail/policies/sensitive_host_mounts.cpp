// expect: kube-linter/sensitive-host-mounts: Deployment .?.web.?. mounts host path /etc
#include "compliant.hpp"

using namespace kubestack;

// A hostPath volume of /etc, even read-only. The near miss mounts /var/log, which the check
// does not list.
constexpr Stack broken() {
    const auto web =
        compliant_web().mount(hostPath("host-etc", "/etc"), "/host/etc", Access::ReadOnly);
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
