// expect: kube-linter/docker-sock: Deployment .?.web.?. mounts the docker socket /var/run/docker
#include <kubestack.hpp>

using namespace kubestack;

// A hostPath volume of the docker socket. The near miss mounts another host path, or waives
// the check with its reason.
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
                         .mount(hostPath("docker", "/var/run/docker.sock"), "/var/run/docker.sock");
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
