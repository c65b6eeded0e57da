// expect: Service .?.poll.?. selects app=pol.* [|] Deployment .?.worker.?. reads
// ConfigMap ..redis..
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto redis_config = configMap("redis").data("REDIS_HOST", "redis");
    const auto poll = deployment("poll").port("http", 80);
    return stack().apply(poll, service("poll").selector("app", "pol").port("http", 80, "http"),
                         deployment("worker").env(redis_config.key("REDIS_HOST")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
