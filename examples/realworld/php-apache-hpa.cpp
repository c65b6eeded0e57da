// The HorizontalPodAutoscaler walkthrough: a CPU-hungry PHP server, its Service, and an
// autoscaler that keeps its pods at 50% CPU (kubernetes/website's php-apache.yaml and
// hpa/php-apache.yaml: ../shared/realworld/php-apache-hpa/original.yaml), as a stack.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack php_apache_hpa() {
    // No replicas: the autoscaler sets them. The Deployment itself carries no labels.
    const auto php_apache = deployment("php-apache")
                                .selector("app.kubernetes.io/name", "php-apache")
                                .withoutLabels()
                                .image("registry.k8s.io/hpa-example")
                                .port(80)
                                .cpu("500m")
                                .cpuRequest("200m");
    const auto php_apache_service =
        service(php_apache).label("app.kubernetes.io/name", "php-apache");

    // `kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10`, as a file.
    const auto autoscaler =
        horizontalPodAutoscaler(php_apache).minReplicas(1).maxReplicas(10).cpuUtilization(50);

    // Applied with `kubectl -n <namespace>`, as upstream: no object names its namespace.
    return stack().withoutNamespaces().apply(php_apache, php_apache_service).apply(autoscaler);
}

int main(int argc, char** argv) {
    return run<php_apache_hpa>(argc, argv);
}
