// expect: Service .?.poll.?. port .?.http.?. targets container port .?.htp.?., which
// no container of the pods it selects
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").image("poll:1").port("http", 80);
    return stack().apply(poll, service("poll").selector("app", "poll").port("http", 80, "htp"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
