// expect: kube-score/container-seccomp-profile: Deployment .?.web.?. .*runs Unconfined, as its pod
#include <kubestack.hpp>

using namespace kubestack;

// Unconfined is no profile, and the pod's explicit setting wins over hardened(). The near miss
// sets RuntimeDefault on the container, which wins over the pod's Unconfined.
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
                         .podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
