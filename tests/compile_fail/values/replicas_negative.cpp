// expect: Deployment .?.poll.?. breaks rule replicas_must_be_between_0_and_10000
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").replicas(-1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
