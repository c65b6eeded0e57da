// expect: Deployment .?.poll.?. breaks rule deployments_and_daemon_sets_only_accept_restart_policy_
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").restartPolicy(RestartPolicy::Never));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
