// expect: Service .?.web.?. is headless .clusterIP: None., which a Service of type NodePort may not
// be
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: clusterIP: Invalid value: "None": may not be set to 'None' for NodePort services.
constexpr Stack broken() {
    const auto web = deployment("web").image("web:1").port("http", 80);
    return stack().apply(web, service(web).headless().nodePort("http", 30080));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
