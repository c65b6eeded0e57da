// The Redis leader and its followers.
#include "guestbook.hpp"

using namespace kubestack;

constexpr Stack backend() {
    const auto redis_leader = deployment("redis-leader")
                                  .replicas(1)
                                  .inNamespace(guestbook_namespace)
                                  .label("tier", "backend")
                                  .image("docker.io/redis:6.0.5")
                                  .port("redis", 6379)
                                  .cpuRequest("100m")
                                  .memoryRequest("100Mi");
    const auto redis_follower = deployment("redis-follower")
                                    .inNamespace(guestbook_namespace)
                                    .label("tier", "backend")
                                    .image("gcr.io/google_samples/gb-redis-follower:v2")
                                    .replicas(2)
                                    .port("redis", 6379)
                                    .cpuRequest("100m")
                                    .memoryRequest("100Mi");
    return stack().apply(redis_leader, service(redis_leader), redis_follower,
                         service(redis_follower));
}

const StackPart<backend> backend_part;
