// expect: Service .?.poll.?. has two ports numbered 80/TCP
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    return stack().apply(
        poll,
        service("poll").selector("app", "poll").port("http", 80, "http").port("web", 80, "http"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
