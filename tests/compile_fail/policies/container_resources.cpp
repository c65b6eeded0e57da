// expect: kube-score/container-resources: Deployment .?.web.?. .*does not set a memory request
#include <kubestack.hpp>

using namespace kubestack;

// A memory limit without a request breaks the check (Kubernetes would copy the limit).
// The near miss sets all four, on its init container too.
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened();
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
