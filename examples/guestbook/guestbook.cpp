// The Kubernetes guestbook tutorial's stack: a PHP frontend that writes to a Redis leader
// and reads from Redis followers, in a namespace of its own, behind an nginx Ingress.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack guestbook() {
    const auto redis_leader = deployment("redis-leader")
                                  .replicas(1)
                                  .inNamespace("guestbook")
                                  .label("tier", "backend")
                                  .image("docker.io/redis:6.0.5")
                                  .port("redis", 6379)
                                  .cpuRequest("100m")
                                  .memoryRequest("100Mi");
    const auto redis_follower = deployment("redis-follower")
                                    .inNamespace("guestbook")
                                    .label("tier", "backend")
                                    .image("gcr.io/google_samples/gb-redis-follower:v2")
                                    .replicas(2)
                                    .port("redis", 6379)
                                    .cpuRequest("100m")
                                    .memoryRequest("100Mi");
    const auto frontend = deployment("frontend")
                              .inNamespace("guestbook")
                              .label("tier", "frontend")
                              .image("gcr.io/google_samples/gb-frontend:v5")
                              .replicas(3)
                              .env("GET_HOSTS_FROM", "dns")
                              .port("http", 80)
                              .cpuRequest("100m")
                              .memoryRequest("100Mi")
                              .antiAffinity();
    const auto frontend_service = service(frontend);

    return stack()
        .apply(namespace_("guestbook"))
        .apply(redis_leader, service(redis_leader), redis_follower, service(redis_follower))
        .apply(frontend, frontend_service,
               ingress("frontend")
                   .inNamespace("guestbook")
                   .className("nginx")
                   .route("guestbook.example.com", frontend_service));
}

int main(int argc, char** argv) {
    return run<guestbook>(argc, argv);
}
