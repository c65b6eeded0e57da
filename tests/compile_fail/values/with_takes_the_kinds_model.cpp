// expect: with<...>\(\) takes a function of this kind's model object
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("web")
            .image("nginx:1.27")
            .with<[](api::apps::v1::DaemonSet& d) { d.spec->minReadySeconds = 7; }>()); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
