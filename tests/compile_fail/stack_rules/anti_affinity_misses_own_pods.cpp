// expect: Deployment .?.zk.?. spreads its pods with anti-affinity term app In
// .zk. (its own pods carry app.kubernetes.io/name=zk)
#include <kubestack.hpp>

using namespace kubestack;

// ZooKeeper's published example: its pods carry app.kubernetes.io/name, its term asks app.
constexpr Stack broken() {
    return stack().apply(deployment("zk")
                             .selector("app.kubernetes.io/name", "zk")
                             .antiAffinity(labelIn("app", {"zk"})));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
