// expect: Deployment .?.worker.?. reads key .?.REDIS_HOST.?. of ConfigMap
// ..redis.., which defines no such key
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto draft = configMap("redis").data("REDIS_HOST", "redis");
    const auto applied = configMap("redis").data("REDIS_ADDRESS", "redis");
    return stack().apply(applied, deployment("worker").env(draft.key("REDIS_HOST")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
