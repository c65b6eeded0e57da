// expect: StatefulSet .?.zk.?. breaks rule rolling_update_partition_must_not_be_negative
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(statefulSet("zk").rollingUpdate(-1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
