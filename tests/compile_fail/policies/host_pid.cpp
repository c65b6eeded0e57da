// expect: kube-linter/host-pid: Deployment .?.web.?. shares the node.?.s process IDs
#include "compliant.hpp"

using namespace kubestack;

// A workload that shares the node's process IDs. The near miss is a node agent that shares
// them and waives the check with its reason.
constexpr Stack broken() {
    const auto web = compliant_web().hostPID();
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
