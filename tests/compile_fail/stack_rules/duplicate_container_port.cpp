// expect: Deployment .?.poll.?. container .?.poll.?. exposes port 80/TCP twice
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").port("http", 80).port("web", 80));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
