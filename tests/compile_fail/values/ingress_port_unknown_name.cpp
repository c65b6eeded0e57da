// expect: Ingress .?.app.?. breaks rule ingress_backend_port_is_not_a_port_of_the_service
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto app = deployment("app").port("http", 80);
    return stack().apply(ingress("app").route("app.example.com", "/", service(app), "admin"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
