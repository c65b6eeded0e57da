// expect: HorizontalPodAutoscaler .?.web.?. scales Deployment .?.web.?., which
// namespace ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("web:1");
    return stack().apply(horizontalPodAutoscaler(web).maxReplicas(5));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
