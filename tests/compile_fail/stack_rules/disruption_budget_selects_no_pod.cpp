// expect: PodDisruptionBudget .?.zk-pdb.?. selects app.kubernetes.io/name=zk,
// which no workload in namespace ..default.. carries
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // ZooKeeper's budget selects app.kubernetes.io/name=zk, but these pods carry app=zk.
    const auto zk = deployment("zk").image("zookeeper:3.9");
    return stack().apply(
        zk,
        podDisruptionBudget("zk-pdb").selector("app.kubernetes.io/name", "zk").maxUnavailable(1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
