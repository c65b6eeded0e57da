// expect: Service .?.dns.?. port .?.dns.?. is UDP, but container port .?.dns.?. of Deployment
// not
#include <kubestack.hpp>

using namespace kubestack;

// A UDP Service port whose named target is a TCP container port: no endpoint.
constexpr Stack broken() {
    const auto dns = deployment("dns").image("coredns:1.11").port("dns", 53);
    return stack().apply(dns, service("dns").selects(dns).port("dns", 53, "dns", Protocol::UDP));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
