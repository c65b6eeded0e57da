// expect: kube-linter/docker-sock: Deployment .?.web.?. mounts the docker socket /var/run/docker
#include "compliant.hpp"

using namespace kubestack;

// A hostPath volume of the docker socket. The near miss mounts another host path, or waives
// the check with its reason.
constexpr Stack broken() {
    const auto web =
        compliant_web().mount(hostPath("docker", "/var/run/docker.sock"), "/var/run/docker.sock");
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
