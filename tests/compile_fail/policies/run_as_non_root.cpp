// expect: kube-linter/run-as-non-root: Deployment .?.web.?. container .?.web.?. may run as root
#include <kubestack.hpp>

using namespace kubestack;

// A container that sets runAsUser(0) breaks the check, though hardened() gives the pod
// runAsNonRoot. The near miss runs as UID 1000.
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
                         .securityContext(ContainerSecurity().runAsUser(0));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
