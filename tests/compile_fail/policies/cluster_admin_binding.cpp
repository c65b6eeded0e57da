// expect: kube-linter/cluster-admin-role-binding: RoleBinding .?.admins.?. grants ClusterRole
#include "compliant.hpp"

using namespace kubestack;

// A RoleBinding grants cluster-admin too, even in one namespace. The near miss binds the
// ClusterRole view; the waived case, a ClusterRoleBinding, is in policy_near_misses.cpp.
constexpr Stack broken() {
    const auto web = compliant_web();
    const auto deployer = serviceAccount("deployer");
    const auto admins = roleBinding("admins")
                            .role(clusterRole("cluster-admin").createdElsewhere())
                            .subject(deployer);
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress(), deployer,
               admins);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
