// expect: kube-linter/host-ipc: Deployment .?.web.?. shares the node.?.s IPC
#include "compliant.hpp"

using namespace kubestack;

// A workload that shares the node's IPC. The near miss shares the node's network and process
// IDs, and waives those checks, but not its IPC.
constexpr Stack broken() {
    const auto web = compliant_web().hostIPC();
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
