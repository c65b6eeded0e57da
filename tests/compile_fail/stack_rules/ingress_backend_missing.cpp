// expect: Ingress .?.poll.?. routes poll.dop.io/ to Service .?.poll.?., which
// namespace ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").image("poll:1").port("http", 80);
    return stack().apply(poll, ingress("poll").route("poll.dop.io", service(poll)));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
