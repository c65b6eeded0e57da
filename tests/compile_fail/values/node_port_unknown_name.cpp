// expect: Service .?.traefik.?. breaks rule node_port_names_a_port_that_the_service_does_not_define
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto traefik = deployment("traefik").port("http", 80);
    return stack().apply(traefik, service(traefik).nodePort("web", 30021));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
