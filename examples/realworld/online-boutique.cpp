// Online Boutique, Google's microservices demo: eleven services, a Redis cart and a load
// generator (GoogleCloudPlatform/microservices-demo's release/kubernetes-manifests.yaml:
// ../shared/realworld/online-boutique/original.yaml), rewritten as a stack. Each service
// has its own ServiceAccount, Deployment and Service.
// Not complete yet: see MISSING.md (security contexts, probes, container names, unnamed
// ports, termination grace, the load generator's init container, a LoadBalancer Service,
// emptyDir, pod annotations, no replicas, namespace-less output).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack online_boutique() {
    // The web front end, inside the cluster and behind the cloud's load balancer.
    const auto frontend_account = serviceAccount("frontend");
    const auto frontend =
        deployment("frontend")
            .image(
                "us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6")
            .serviceAccount(frontend_account)
            .port("http", 8080)
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
    const auto frontend_service = service("frontend")
                                      .label("app", "frontend")
                                      .selector("app", "frontend")
                                      .port("http", 80, 8080);
    const auto frontend_external = service("frontend-external")
                                       .label("app", "frontend")
                                       .selector("app", "frontend")
                                       // type: LoadBalancer (MISSING.md)
                                       .port("http", 80, 8080);

    const auto adservice_account = serviceAccount("adservice");
    const auto adservice = deployment("adservice")
                               .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                      "microservices-demo/adservice:v0.10.6")
                               .serviceAccount(adservice_account)
                               .port("grpc", 9555)
                               .env("PORT", "9555")
                               .cpuRequest("200m")
                               .memoryRequest("180Mi")
                               .cpu("300m")
                               .memory("300Mi");
    const auto adservice_service = service("adservice")
                                       .label("app", "adservice")
                                       .selector("app", "adservice")
                                       .port("grpc", 9555, 9555);

    const auto currencyservice_account = serviceAccount("currencyservice");
    const auto currencyservice = deployment("currencyservice")
                                     .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                            "microservices-demo/currencyservice:v0.10.6")
                                     .serviceAccount(currencyservice_account)
                                     .port("grpc", 7000)
                                     .env("PORT", "7000")
                                     .env("DISABLE_PROFILER", "1")
                                     .cpuRequest("100m")
                                     .memoryRequest("64Mi")
                                     .cpu("200m")
                                     .memory("128Mi");
    const auto currencyservice_service = service("currencyservice")
                                             .label("app", "currencyservice")
                                             .selector("app", "currencyservice")
                                             .port("grpc", 7000, 7000);

    const auto cartservice_account = serviceAccount("cartservice");
    const auto cartservice = deployment("cartservice")
                                 .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                        "microservices-demo/cartservice:v0.10.6")
                                 .serviceAccount(cartservice_account)
                                 .port("grpc", 7070)
                                 .env("REDIS_ADDR", "redis-cart:6379")
                                 .cpuRequest("200m")
                                 .memoryRequest("64Mi")
                                 .cpu("300m")
                                 .memory("128Mi");
    const auto cartservice_service = service("cartservice")
                                         .label("app", "cartservice")
                                         .selector("app", "cartservice")
                                         .port("grpc", 7070, 7070);

    const auto redis_cart = deployment("redis-cart")
                                .image("redis:alpine")
                                .port("redis", 6379)
                                .cpuRequest("70m")
                                .memoryRequest("200Mi")
                                .cpu("125m")
                                .memory("256Mi");
    const auto redis_cart_service = service("redis-cart")
                                        .label("app", "redis-cart")
                                        .selector("app", "redis-cart")
                                        .port("tcp-redis", 6379, 6379);

    const auto loadgenerator_account = serviceAccount("loadgenerator");
    const auto loadgenerator = deployment("loadgenerator")
                                   .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                          "microservices-demo/loadgenerator:v0.10.6")
                                   .replicas(1)
                                   .serviceAccount(loadgenerator_account)
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
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "recommendationservice:v0.10.6")
            .serviceAccount(recommendationservice_account)
            .port("grpc", 8080)
            .env("PORT", "8080")
            .env("PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550")
            .env("DISABLE_PROFILER", "1")
            .cpuRequest("100m")
            .memoryRequest("220Mi")
            .cpu("200m")
            .memory("450Mi");
    const auto recommendationservice_service = service("recommendationservice")
                                                   .label("app", "recommendationservice")
                                                   .selector("app", "recommendationservice")
                                                   .port("grpc", 8080, 8080);

    const auto checkoutservice_account = serviceAccount("checkoutservice");
    const auto checkoutservice =
        deployment("checkoutservice")
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "checkoutservice:v0.10.6")
            .serviceAccount(checkoutservice_account)
            .port("grpc", 5050)
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
                                             .label("app", "checkoutservice")
                                             .selector("app", "checkoutservice")
                                             .port("grpc", 5050, 5050);

    const auto emailservice_account = serviceAccount("emailservice");
    const auto emailservice = deployment("emailservice")
                                  .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                         "microservices-demo/emailservice:v0.10.6")
                                  .serviceAccount(emailservice_account)
                                  .port("grpc", 8080)
                                  .env("PORT", "8080")
                                  .env("DISABLE_PROFILER", "1")
                                  .cpuRequest("100m")
                                  .memoryRequest("64Mi")
                                  .cpu("200m")
                                  .memory("128Mi");
    const auto emailservice_service = service("emailservice")
                                          .label("app", "emailservice")
                                          .selector("app", "emailservice")
                                          .port("grpc", 5000, 8080);

    const auto paymentservice_account = serviceAccount("paymentservice");
    const auto paymentservice = deployment("paymentservice")
                                    .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                           "microservices-demo/paymentservice:v0.10.6")
                                    .serviceAccount(paymentservice_account)
                                    .port("grpc", 50051)
                                    .env("PORT", "50051")
                                    .env("DISABLE_PROFILER", "1")
                                    .cpuRequest("100m")
                                    .memoryRequest("64Mi")
                                    .cpu("200m")
                                    .memory("128Mi");
    const auto paymentservice_service = service("paymentservice")
                                            .label("app", "paymentservice")
                                            .selector("app", "paymentservice")
                                            .port("grpc", 50051, 50051);

    const auto shippingservice_account = serviceAccount("shippingservice");
    const auto shippingservice = deployment("shippingservice")
                                     .image("us-central1-docker.pkg.dev/online-boutique-ci/"
                                            "microservices-demo/shippingservice:v0.10.6")
                                     .serviceAccount(shippingservice_account)
                                     .port("grpc", 50051)
                                     .env("PORT", "50051")
                                     .env("DISABLE_PROFILER", "1")
                                     .cpuRequest("100m")
                                     .memoryRequest("64Mi")
                                     .cpu("200m")
                                     .memory("128Mi");
    const auto shippingservice_service = service("shippingservice")
                                             .label("app", "shippingservice")
                                             .selector("app", "shippingservice")
                                             .port("grpc", 50051, 50051);

    const auto productcatalogservice_account = serviceAccount("productcatalogservice");
    const auto productcatalogservice =
        deployment("productcatalogservice")
            .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
                   "productcatalogservice:v0.10.6")
            .serviceAccount(productcatalogservice_account)
            .port("grpc", 3550)
            .env("PORT", "3550")
            .env("DISABLE_PROFILER", "1")
            .cpuRequest("100m")
            .memoryRequest("64Mi")
            .cpu("200m")
            .memory("128Mi");
    const auto productcatalogservice_service = service("productcatalogservice")
                                                   .label("app", "productcatalogservice")
                                                   .selector("app", "productcatalogservice")
                                                   .port("grpc", 3550, 3550);

    return stack()
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
