// expect: node_port_must_be_between_30000_and_32767
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto traefik = deployment("traefik").port("http", 80);
    return stack().apply(traefik, service(traefik).nodePort("http", 8080)); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
