// expect: Deployment .?.php-apache.?. sets replicas.3., but
// HorizontalPodAutoscaler
// ..php-apache.. owns its replica count
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // The HPA walkthrough's conflict: each apply would reset the autoscaler's choice to 3.
    const auto php_apache =
        deployment("php-apache").image("registry.k8s.io/hpa-example").replicas(3);
    return stack().apply(
        php_apache,
        horizontalPodAutoscaler(php_apache).minReplicas(1).maxReplicas(10).cpuUtilization(50));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
