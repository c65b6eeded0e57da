// expect: polaris/dangerousCapabilities: Deployment .?.web.?. .*adds capability NET_ADMIN
#include <kubestack.hpp>

using namespace kubestack;

// ALL is still dropped, but NET_ADMIN is added back. The near miss adds NET_BIND_SERVICE,
// which the check does not list.
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
                         .securityContext(ContainerSecurity().addCapabilities({"NET_ADMIN"}));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
