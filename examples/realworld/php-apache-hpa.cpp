// The HorizontalPodAutoscaler walkthrough: a CPU-hungry PHP server, its Service, and an
// autoscaler that keeps its pods at 50% CPU (kubernetes/website's php-apache.yaml and
// hpa/php-apache.yaml: ../shared/realworld/php-apache-hpa/original.yaml), as a stack.
// Not complete yet: see MISSING.md (the autoscaler, labels of the user's choice, unnamed
// ports, no replicas, namespace-less output).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack php_apache_hpa() {
    const auto php_apache = deployment("php-apache")
                                .label("app.kubernetes.io/name", "php-apache")
                                .image("registry.k8s.io/hpa-example")
                                .port("http", 80)
                                .cpu("500m")
                                .cpuRequest("200m");
    const auto php_apache_service = service("php-apache")
                                        .label("app.kubernetes.io/name", "php-apache")
                                        .selector("app.kubernetes.io/name", "php-apache")
                                        .port("http", 80, 80);
    return stack().apply(php_apache, php_apache_service);
}

int main(int argc, char** argv) {
    return run<php_apache_hpa>(argc, argv);
}
