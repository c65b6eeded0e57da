// expect: Service .?.web.?. opens NodePort 30080 twice, but one node port serves ports of one
// number
#include <kubestack.hpp>

using namespace kubestack;

// Two ports of different numbers may not share a node port, even in one Service.
constexpr Stack broken() {
    const auto web = deployment("web").port("http", 80).port("admin", 8080);
    return stack().apply(web, service(web).nodePort("http", 30080).nodePort("admin", 30080));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
