// expect: polaris/automountServiceAccountToken: Deployment .?.web.?. mounts its service account
#include <kubestack.hpp>

using namespace kubestack;

// An explicit automountServiceAccountToken(true) wins over hardened(). The near miss runs as
// an account of its own that no binding grants a role, and so gets no token.
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
                         .automountServiceAccountToken(true);
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
