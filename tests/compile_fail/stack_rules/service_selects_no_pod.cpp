// expect: Service .?.poll.?. selects app=pol, which no workload in namespace
// ..default.. carries
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").image("poll:1").port("http", 80);
    return stack().apply(poll, service("poll").selector("app", "pol").port("http", 80, "http"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
