// expect: kube-score/pod-probes: Deployment .?.web.?. has no readiness probe in any container
#include <kubestack.hpp>

using namespace kubestack;

// A pod that a Service selects has no readiness probe. The near miss is a workload that no
// Service selects, or a Job.
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .hardened();
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
