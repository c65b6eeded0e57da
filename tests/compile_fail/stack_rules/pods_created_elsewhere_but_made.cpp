// expect: Service .?.poll.?. .*selects app=poll as pods created elsewhere, but
// Deployment .?.poll.?. .*of the stack carries those labels
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // The pods were once made by another repository; the stack makes them now.
    const auto poll = deployment("poll").image("poll:1").port("http", 80);
    const auto poll_pods = podsCreatedElsewhere("app", "poll");
    return stack().apply(poll, service("poll").selects(poll_pods).port("http", 80, "http"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
