// expect: Deployment .?.traefik.?. runs as ServiceAccount .?.traefik.?., which
// namespace ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto account = serviceAccount("traefik").inNamespace("kube-public");
    return stack().apply(account, deployment("traefik").serviceAccount(account));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
