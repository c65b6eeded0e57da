// expect: ClusterRoleBinding .?.traefik.?. grants ClusterRole .?.traefik.?., which
// the stack does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto account = serviceAccount("traefik");
    const auto role = clusterRole("traefik");
    return stack().apply(account, clusterRoleBinding("traefik").role(role).subject(account));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
