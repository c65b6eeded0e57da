// expect: http_path_must_start_with_a_slash
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    return stack().apply(ingress("poll").route("poll.dop.io", "api", service(poll))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
