// expect: kube-linter/sensitive-host-mounts: Deployment .?.web.?. mounts host path /etc
#include <kubestack.hpp>

using namespace kubestack;

// A hostPath volume of /etc, even read-only. The near miss mounts /var/log, which the check
// does not list.
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
                         .mount(hostPath("host-etc", "/etc"), "/host/etc", Access::ReadOnly);
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
