// Online Boutique, Google's microservices demo: eleven services, a Redis cart and a load
// generator (GoogleCloudPlatform/microservices-demo's release/kubernetes-manifests.yaml:
// ../shared/realworld/online-boutique/original.yaml), rewritten as a stack. Each service
// has its own ServiceAccount, Deployment and Service.
#include <kubestack.hpp>

using namespace kubestack;

// Every pod of the shop runs as user and group 1000, every container without privileges
// on a read-only root file system.
constexpr auto unprivileged_pod =
    podSecurity().fsGroup(1000).runAsGroup(1000).runAsNonRoot().runAsUser(1000);
constexpr auto locked_down = containerSecurity()
                                 .allowPrivilegeEscalation(false)
                                 .dropCapabilities({"ALL"})
                                 .privileged(false)
                                 .readOnlyRootFilesystem();

// The script of the load generator's init container: wait until the front end answers.
constexpr const char* wait_for_frontend = R"(MAX_RETRIES=12
RETRY_INTERVAL=10
for i in $(seq 1 $MAX_RETRIES); do
  echo "Attempt $i: Pinging frontend: ${FRONTEND_ADDR}..."
  STATUSCODE=$(wget --server-response http://${FRONTEND_ADDR} 2>&1 | awk '/^  HTTP/{print $2}')
  if [ $STATUSCODE -eq 200 ]; then
      echo "Frontend is reachable."
      exit 0
  fi
  echo "Error: Could not reach frontend - Status code: ${STATUSCODE}"
  sleep $RETRY_INTERVAL
done
echo "Failed to reach frontend after $MAX_RETRIES attempts."
exit 1
)";

constexpr Stack online_boutique() {
    // The web front end, inside the cluster and behind the cloud's load balancer. Its
    // probes send a session cookie, so that they do not open a session each.
    const auto frontend_account = serviceAccount("frontend");
    const auto frontend =
        deployment("frontend")
            .podAnnotation("sidecar.istio.io/rewriteAppHTTPProbers", "true")
            .serviceAccount(frontend_account)
            .podSecurityContext(unprivileged_pod)
            .containerName("server")
            .securityContext(locked_down)
            .image(
                "us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6")
            .port(8080)
            .readinessProbe(httpGet("/_healthz", 8080)
                                .header("Cookie", "shop_session-id=x-readiness-probe")
                                .initialDelaySeconds(10))
            .livenessProbe(httpGet("/_healthz", 8080)
                               .header("Cookie", "shop_session-id=x-liveness-probe")
                               .initialDelaySeconds(10))
            .env("PORT", "8080")
            .env("PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550")
            .env("CURRENCY_SERVICE_ADDR", "currencyservice:7000")
            .env("CART_SERVICE_ADDR", "cartservice:7070")
            .env("RECOMMENDATION_SERVICE_ADDR", "recommendationservice:8080")
            .env("SHIPPING_SERVICE_ADDR", "shippingservice:50051")
            .env("CHECKOUT_SERVICE_ADDR", "checkoutservice:5050")
            .env("AD_SERVICE_ADDR", "adservice:9555")
            .env("SHOPPING_ASSISTANT_SERVICE_ADDR", "shoppingassistantservice:80")
            .env("ENABLE_PROFILER", "0")
            .cpuRequest("100m")
            .memoryRequest("64Mi")
            .cpu("200m")
            .memory("128Mi");
    const auto frontend_service =
        service("frontend").selects(frontend).label("app", "frontend").port("http", 80, 8080);
    const auto frontend_external = service("frontend-external")
                                       .selects(frontend)
                                       .label("app", "frontend")
                                       .loadBalancer()
                                       .port("http", 80, 8080);

    // The gRPC services, each probed on its own port.
    const auto adservice_account = serviceAccount("adservice");
    const auto adservice = deployment("adservice")
                               .serviceAccount(adservice_account)
                               .terminationGracePeriodSeconds(5)
                               .podSecurityContext(unprivileged_pod)
                               .containerName("server")
                               .securityContext(locked_down)
                               .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                      "microservices-demo/adservice:v0.10.6")
                               .port(9555)
                               .env("PORT", "9555")
                               .cpuRequest("200m")
                               .memoryRequest("180Mi")
                               .cpu("300m")
                               .memory("300Mi")
                               .readinessProbe(grpc(9555).initialDelaySeconds(20).periodSeconds(15))
                               .livenessProbe(grpc(9555).initialDelaySeconds(20).periodSeconds(15));
    const auto adservice_service =
        service("adservice").selects(adservice).label("app", "adservice").port("grpc", 9555, 9555);

    const auto currencyservice_account = serviceAccount("currencyservice");
    const auto currencyservice = deployment("currencyservice")
                                     .serviceAccount(currencyservice_account)
                                     .terminationGracePeriodSeconds(5)
                                     .podSecurityContext(unprivileged_pod)
                                     .containerName("server")
                                     .securityContext(locked_down)
                                     .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                            "microservices-demo/currencyservice:v0.10.6")
                                     .port("grpc", 7000)
                                     .env("PORT", "7000")
                                     .env("DISABLE_PROFILER", "1")
                                     .readinessProbe(grpc(7000))
                                     .livenessProbe(grpc(7000))
                                     .cpuRequest("100m")
                                     .memoryRequest("64Mi")
                                     .cpu("200m")
                                     .memory("128Mi");
    const auto currencyservice_service = service("currencyservice")
                                             .selects(currencyservice)
                                             .label("app", "currencyservice")
                                             .port("grpc", 7000, 7000);

    const auto cartservice_account = serviceAccount("cartservice");
    const auto cartservice =
        deployment("cartservice")
            .serviceAccount(cartservice_account)
            .terminationGracePeriodSeconds(5)
            .podSecurityContext(unprivileged_pod)
            .containerName("server")
            .securityContext(locked_down)
            .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                   "microservices-demo/cartservice:v0.10.6")
            .port(7070)
            .env("REDIS_ADDR", "redis-cart:6379")
            .cpuRequest("200m")
            .memoryRequest("64Mi")
            .cpu("300m")
            .memory("128Mi")
            .readinessProbe(grpc(7070).initialDelaySeconds(15))
            .livenessProbe(grpc(7070).initialDelaySeconds(15).periodSeconds(10));
    const auto cartservice_service = service("cartservice")
                                         .selects(cartservice)
                                         .label("app", "cartservice")
                                         .port("grpc", 7070, 7070);

    // The carts live in Redis, in memory of the pod: an emptyDir for its snapshots.
    const auto redis_cart = deployment("redis-cart")
                                .podSecurityContext(unprivileged_pod)
                                .containerName("redis")
                                .securityContext(locked_down)
                                .image("redis:alpine")
                                .port(6379)
                                .readinessProbe(tcpSocket(6379).periodSeconds(5))
                                .livenessProbe(tcpSocket(6379).periodSeconds(5))
                                .mount(emptyDir("redis-data"), "/data")
                                .memory("256Mi")
                                .cpu("125m")
                                .cpuRequest("70m")
                                .memoryRequest("200Mi");
    const auto redis_cart_service = service("redis-cart")
                                        .selects(redis_cart)
                                        .label("app", "redis-cart")
                                        .port("tcp-redis", 6379, 6379);

    // Simulated shoppers, once the front end answers.
    const auto loadgenerator_account = serviceAccount("loadgenerator");
    const auto loadgenerator =
        deployment("loadgenerator")
            .replicas(1)
            .podAnnotation("sidecar.istio.io/rewriteAppHTTPProbers", "true")
            .serviceAccount(loadgenerator_account)
            .terminationGracePeriodSeconds(5)
            .restartPolicy(RestartPolicy::Always)
            .podSecurityContext(unprivileged_pod)
            .initContainer(
                container("frontend-check")
                    .command({"/bin/sh", "-exc", wait_for_frontend})
                    .securityContext(locked_down)
                    .image("busybox:1.38.0@sha256:"
                           "fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d")
                    .env("FRONTEND_ADDR", "frontend:80"))
            .containerName("main")
            .securityContext(locked_down)
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "loadgenerator:v0.10.6")
            .env("FRONTEND_ADDR", "frontend:80")
            .env("USERS", "10")
            .env("RATE", "1")
            .cpuRequest("300m")
            .memoryRequest("256Mi")
            .cpu("500m")
            .memory("512Mi");

    const auto recommendationservice_account = serviceAccount("recommendationservice");
    const auto recommendationservice =
        deployment("recommendationservice")
            .serviceAccount(recommendationservice_account)
            .terminationGracePeriodSeconds(5)
            .podSecurityContext(unprivileged_pod)
            .containerName("server")
            .securityContext(locked_down)
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "recommendationservice:v0.10.6")
            .port(8080)
            .readinessProbe(grpc(8080).periodSeconds(5))
            .livenessProbe(grpc(8080).periodSeconds(5))
            .env("PORT", "8080")
            .env("PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550")
            .env("DISABLE_PROFILER", "1")
            .cpuRequest("100m")
            .memoryRequest("220Mi")
            .cpu("200m")
            .memory("450Mi");
    const auto recommendationservice_service = service("recommendationservice")
                                                   .selects(recommendationservice)
                                                   .label("app", "recommendationservice")
                                                   .port("grpc", 8080, 8080);

    const auto checkoutservice_account = serviceAccount("checkoutservice");
    const auto checkoutservice =
        deployment("checkoutservice")
            .serviceAccount(checkoutservice_account)
            .podSecurityContext(unprivileged_pod)
            .containerName("server")
            .securityContext(locked_down)
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "checkoutservice:v0.10.6")
            .port(5050)
            .readinessProbe(grpc(5050))
            .livenessProbe(grpc(5050))
            .env("PORT", "5050")
            .env("PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550")
            .env("SHIPPING_SERVICE_ADDR", "shippingservice:50051")
            .env("PAYMENT_SERVICE_ADDR", "paymentservice:50051")
            .env("EMAIL_SERVICE_ADDR", "emailservice:5000")
            .env("CURRENCY_SERVICE_ADDR", "currencyservice:7000")
            .env("CART_SERVICE_ADDR", "cartservice:7070")
            .cpuRequest("100m")
            .memoryRequest("64Mi")
            .cpu("200m")
            .memory("128Mi");
    const auto checkoutservice_service = service("checkoutservice")
                                             .selects(checkoutservice)
                                             .label("app", "checkoutservice")
                                             .port("grpc", 5050, 5050);

    const auto emailservice_account = serviceAccount("emailservice");
    const auto emailservice = deployment("emailservice")
                                  .serviceAccount(emailservice_account)
                                  .terminationGracePeriodSeconds(5)
                                  .podSecurityContext(unprivileged_pod)
                                  .containerName("server")
                                  .securityContext(locked_down)
                                  .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                         "microservices-demo/emailservice:v0.10.6")
                                  .port(8080)
                                  .env("PORT", "8080")
                                  .env("DISABLE_PROFILER", "1")
                                  .readinessProbe(grpc(8080).periodSeconds(5))
                                  .livenessProbe(grpc(8080).periodSeconds(5))
                                  .cpuRequest("100m")
                                  .memoryRequest("64Mi")
                                  .cpu("200m")
                                  .memory("128Mi");
    const auto emailservice_service = service("emailservice")
                                          .selects(emailservice)
                                          .label("app", "emailservice")
                                          .port("grpc", 5000, 8080);

    const auto paymentservice_account = serviceAccount("paymentservice");
    const auto paymentservice = deployment("paymentservice")
                                    .serviceAccount(paymentservice_account)
                                    .terminationGracePeriodSeconds(5)
                                    .podSecurityContext(unprivileged_pod)
                                    .containerName("server")
                                    .securityContext(locked_down)
                                    .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                           "microservices-demo/paymentservice:v0.10.6")
                                    .port(50051)
                                    .env("PORT", "50051")
                                    .env("DISABLE_PROFILER", "1")
                                    .readinessProbe(grpc(50051))
                                    .livenessProbe(grpc(50051))
                                    .cpuRequest("100m")
                                    .memoryRequest("64Mi")
                                    .cpu("200m")
                                    .memory("128Mi");
    const auto paymentservice_service = service("paymentservice")
                                            .selects(paymentservice)
                                            .label("app", "paymentservice")
                                            .port("grpc", 50051, 50051);

    const auto shippingservice_account = serviceAccount("shippingservice");
    const auto shippingservice = deployment("shippingservice")
                                     .serviceAccount(shippingservice_account)
                                     .podSecurityContext(unprivileged_pod)
                                     .containerName("server")
                                     .securityContext(locked_down)
                                     .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                            "microservices-demo/shippingservice:v0.10.6")
                                     .port(50051)
                                     .env("PORT", "50051")
                                     .env("DISABLE_PROFILER", "1")
                                     .readinessProbe(grpc(50051).periodSeconds(5))
                                     .livenessProbe(grpc(50051))
                                     .cpuRequest("100m")
                                     .memoryRequest("64Mi")
                                     .cpu("200m")
                                     .memory("128Mi");
    const auto shippingservice_service = service("shippingservice")
                                             .selects(shippingservice)
                                             .label("app", "shippingservice")
                                             .port("grpc", 50051, 50051);

    const auto productcatalogservice_account = serviceAccount("productcatalogservice");
    const auto productcatalogservice =
        deployment("productcatalogservice")
            .serviceAccount(productcatalogservice_account)
            .terminationGracePeriodSeconds(5)
            .podSecurityContext(unprivileged_pod)
            .containerName("server")
            .securityContext(locked_down)
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "productcatalogservice:v0.10.6")
            .port(3550)
            .env("PORT", "3550")
            .env("DISABLE_PROFILER", "1")
            .readinessProbe(grpc(3550))
            .livenessProbe(grpc(3550))
            .cpuRequest("100m")
            .memoryRequest("64Mi")
            .cpu("200m")
            .memory("128Mi");
    const auto productcatalogservice_service = service("productcatalogservice")
                                                   .selects(productcatalogservice)
                                                   .label("app", "productcatalogservice")
                                                   .port("grpc", 3550, 3550);

    // Applied with `kubectl -n <namespace>`, as upstream: no object names its namespace.
    return stack()
        .withoutNamespaces()
        .apply(frontend_account, frontend, frontend_service, frontend_external)
        .apply(adservice_account, adservice, adservice_service)
        .apply(currencyservice_account, currencyservice, currencyservice_service)
        .apply(cartservice_account, cartservice, cartservice_service)
        .apply(redis_cart, redis_cart_service)
        .apply(loadgenerator_account, loadgenerator)
        .apply(recommendationservice_account, recommendationservice, recommendationservice_service)
        .apply(checkoutservice_account, checkoutservice, checkoutservice_service)
        .apply(emailservice_account, emailservice, emailservice_service)
        .apply(paymentservice_account, paymentservice, paymentservice_service)
        .apply(shippingservice_account, shippingservice, shippingservice_service)
        .apply(productcatalogservice_account, productcatalogservice, productcatalogservice_service);
}

int main(int argc, char** argv) {
    return run<online_boutique>(argc, argv);
}
