// expect: polaris/privilegeEscalationAllowed: Deployment .?.web.?. container .?.web.?. does not set
#include <kubestack.hpp>

using namespace kubestack;

// An explicit setting wins over hardened(). The near miss adjusts the profile otherwise (it
// adds NET_BIND_SERVICE) and keeps allowPrivilegeEscalation: false.
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
                         .securityContext(ContainerSecurity().allowPrivilegeEscalation(true));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
