// expect: HorizontalPodAutoscaler .?.web.?. has no maximum: call maxReplicas
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().apply(web, horizontalPodAutoscaler(web).minReplicas(2));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
