// expect: the stack waives kube-score/pod-networkpolicy .*platform team.*, which no object breaks
#include <kubestack.hpp>

using namespace kubestack;

// A stack-level waiver that no object needs: the stack writes the NetworkPolicy itself. The
// near miss is a workload that no NetworkPolicy of the stack selects.
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
                         .hardened();
    return stack()
        .policy(policies::recommended)
        .waive("kube-score/pod-networkpolicy", "the platform team writes the NetworkPolicies")
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
