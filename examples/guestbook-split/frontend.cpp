// The PHP frontend, its Service and its Ingress.
#include "guestbook.hpp"

using namespace kubestack;

constexpr Stack frontend() {
    const auto frontend = deployment("frontend")
                              .inNamespace(guestbook_namespace)
                              .label("tier", "frontend")
                              .image("gcr.io/google_samples/gb-frontend:v5")
                              .replicas(3)
                              .env("GET_HOSTS_FROM", "dns")
                              .port("http", 80)
                              .cpuRequest("100m")
                              .memoryRequest("100Mi")
                              .antiAffinity();
    const auto frontend_service = service(frontend);
    return stack().apply(frontend, frontend_service,
                         ingress("frontend")
                             .inNamespace(guestbook_namespace)
                             .className("nginx")
                             .route("guestbook.example.com", frontend_service));
}

const StackPart<frontend> frontend_part;
