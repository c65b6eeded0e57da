// expect: kube-linter/privileged-container: Deployment .?.web.?. container .?.web.?. is privileged
#include <kubestack.hpp>

using namespace kubestack;

// hardened() says nothing of privileged, so an explicit privileged(true) stays. The near miss
// sets privileged(false).
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
                         .securityContext(ContainerSecurity().privileged(true));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
