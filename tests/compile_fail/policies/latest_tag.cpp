// expect: kube-linter/latest-tag: Deployment .?.web.?. container .?.web.?. runs image
// .?.nginx:latest
#include <kubestack.hpp>

using namespace kubestack;

// A stack that selects the recommended policy set breaks a check: the error names the check
// and the object. The near miss pins nginx:1.27; the waived case is in policy_near_misses.cpp.
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:latest")
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened();
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
