// expect: kube-score/deployment-has-poddisruptionbudget: Deployment .?.web.?. runs 2 replicas
#include <kubestack.hpp>

using namespace kubestack;

// Two replicas, and no PodDisruptionBudget selects their pods. The near miss adds one that
// does, or runs one replica.
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
                         .replicas(2);
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
