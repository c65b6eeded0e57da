// The near misses and waived cases of tests/compile_fail/policies/ and of the waiver's value
// rules: a stack under the recommended policy set whose objects keep each check, or break it
// and waive it with a reason. The stack must compile and run.
#include <kubestack.hpp>

using namespace kubestack;

namespace {

constexpr Stack policy_near_misses() {
    // latest_tag: pinned, and every other check kept.
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
                         .writablePath("cache", "/var/cache/nginx");
    // A node agent that breaks checks on purpose, each waived with its reason; the value
    // rules' near misses: a listed check's name, and a reason.
    const auto agent = daemonSet("agent")
                           .image("example/agent:latest")
                           .cpu("200m")
                           .cpuRequest("100m")
                           .memory("256Mi")
                           .memoryRequest("128Mi")
                           .hostNetwork()
                           .mount(hostPath("rootfs", "/"), "/rootfs", Access::ReadOnly)
                           .hardened()
                           .waive("kube-linter/latest-tag", "the vendor publishes :latest only")
                           .waive({"kube-linter/host-network", "kube-linter/sensitive-host-mounts"},
                                  "reads the node's interfaces and disks");
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), agent, networkPolicy("default-deny").denyIngress());
}

} // namespace

int main(int argc, char** argv) {
    return run<policy_near_misses>(argc, argv);
}
