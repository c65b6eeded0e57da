// expect: kube-score/container-image-pull-policy: Deployment .?.web.?. .*does not pull its image
#include <kubestack.hpp>

using namespace kubestack;

// A pinned image without imagePullPolicy is pulled IfNotPresent. The near miss sets Always,
// or runs :latest, which Kubernetes pulls Always (and which latest-tag rejects).
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened();
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
