// expect: percentage_must_be_written_like_50_percent_from_0_to_100
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto zk = deployment("zk").image("zookeeper:3.9");
    return stack().apply(zk,
                         podDisruptionBudget("zk").selects(zk).minAvailable("101%")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
