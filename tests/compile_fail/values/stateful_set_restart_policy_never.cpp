// expect: StatefulSet .?.zk.?. breaks rule stateful_sets_only_accept_restart_policy_always
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(statefulSet("zk").restartPolicy(RestartPolicy::Never));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
