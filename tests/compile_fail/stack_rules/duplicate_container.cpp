// expect: Deployment .?.poll.?. has two containers named .?.poll.?.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("poll").image("poll:1").container(container("poll").image("sidecar:1")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
