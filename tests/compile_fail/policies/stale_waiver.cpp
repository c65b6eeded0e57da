// expect: Deployment .?.web.?. waives kube-linter/latest-tag, which it does not break
#include <kubestack.hpp>

using namespace kubestack;

// A waiver that waives nothing is an error, so that stale waivers cannot pile up. The near
// miss waives the check of an image that breaks it.
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
                         .waive("kube-linter/latest-tag", "pinned since");
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
