// expect: Ingress .?.admin.?. routes admin.dop.io/ to port 8080 of Service
// ..poll.., which that Service does not define
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").image("poll:1").port("http", 80).port("admin", 8080);
    const auto all_ports = service(poll);
    const auto http_only = service("poll").selector("app", "poll").port("http", 80, "http");
    return stack().apply(poll, http_only,
                         ingress("admin").route("admin.dop.io", "/", all_ports, "admin"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
