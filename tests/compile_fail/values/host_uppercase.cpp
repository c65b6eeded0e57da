// expect: host_must_be_a_lowercase_dns_name_optionally_starting_with_a_wildcard
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    return stack().apply(ingress("poll").route("Poll.dop.io", service(poll))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
