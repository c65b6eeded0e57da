// expect: Ingress .?.poll.?. is written as networking.k8s.io/v1, which
// Kubernetes 1.18 does not serve .served from 1.19.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    const auto exposed = service(poll);
    return stack().targets("1.18").apply(poll, exposed,
                                         ingress("poll").route("poll.dop.io", exposed));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
