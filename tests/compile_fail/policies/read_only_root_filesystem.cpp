// expect: kube-linter/no-read-only-root-fs: Deployment .?.web.?. .*has a writable root filesystem
#include <kubestack.hpp>

using namespace kubestack;

// A container that writes to its image turns the read-only root filesystem off. The near
// miss keeps it read-only and gives the directory it writes to: writablePath().
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
                         .securityContext(ContainerSecurity().readOnlyRootFilesystem(false));
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
