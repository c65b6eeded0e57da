// expect: StatefulSet .?.zk.?. breaks rule replicas_must_be_between_0_and_10000
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(statefulSet("zk").replicas(10001));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
