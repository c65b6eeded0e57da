// expect: Deployment .?.poll.?. selects app=poll .also its anti-affinity term.,
// which its own pod template does not carry
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").podLabel("app", "vote").antiAffinity());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
