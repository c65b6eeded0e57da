// expect: Deployment .?.worker.?. reads ConfigMap .?.redis.?., which namespace
// ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto redis_config = configMap("redis").data("REDIS_HOST", "redis");
    return stack().apply(deployment("worker").env(redis_config.key("REDIS_HOST")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
