// expect: ClusterRoleBinding .?.traefik.?. grants its role to ServiceAccount
// ..traefik.., which namespace ..kube-public.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto account = serviceAccount("traefik").inNamespace("kube-public");
    const auto role = clusterRole("traefik");
    return stack().apply(role, clusterRoleBinding("traefik").role(role).subject(account));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
