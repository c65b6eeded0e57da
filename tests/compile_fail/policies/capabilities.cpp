// expect: polaris/insecureCapabilities: Deployment .?.web.?. .*does not drop ALL capabilities
#include <kubestack.hpp>

using namespace kubestack;

// Dropping some capabilities replaces the ALL that hardened() drops. The near miss adds back
// NET_BIND_SERVICE on top of ALL dropped.
constexpr Stack broken() {
    const auto web =
        deployment("web")
            .image("nginx:1.27")
            .imagePullPolicy(ImagePullPolicy::Always)
            .port("http", 80)
            .cpu("1")
            .cpuRequest("500m")
            .memory("1Gi")
            .memoryRequest("512Mi")
            .readinessProbe(httpGet("/", 80))
            .hardened()
            .securityContext(ContainerSecurity().dropCapabilities({"NET_RAW", "SYS_CHROOT"}));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
