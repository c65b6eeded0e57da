// expect: Deployment .?.web.?. container .?.web.?. has two ports named .?.http.?.
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: ports[1].name: Duplicate value. The near miss names the second port "admin".
constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").port("http", 80).port("http", 8080));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
