// expect: kube-linter/host-ipc: Deployment .?.web.?. shares the node.?.s IPC
#include <kubestack.hpp>

using namespace kubestack;

// A workload that shares the node's IPC. The near miss shares the node's network and process
// IDs, and waives those checks, but not its IPC.
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened()
                         .hostIPC();
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
