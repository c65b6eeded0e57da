// expect: kube-linter/host-network: Deployment .?.web.?. shares the node.?.s network
#include "compliant.hpp"

using namespace kubestack;

// A workload that shares the node's network. The near miss is a node agent that shares it
// and waives the check with its reason.
constexpr Stack broken() {
    const auto web = compliant_web().hostNetwork();
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
