// expect: kube-score/pod-networkpolicy: Deployment .?.web.?. has pods that no NetworkPolicy selects
#include <kubestack.hpp>

using namespace kubestack;

// No NetworkPolicy selects the pods. The near miss adds one that selects every pod of the
// namespace (an empty selector).
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
                         .hardened();
    return stack().policy(policies::recommended).apply(web, service(web));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
