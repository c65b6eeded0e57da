// expect: Ingress .?.poll.?. is written as extensions/v1beta1, which
// Kubernetes 1.22 does not serve .served from 1.1 to 1.21.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    const auto exposed = service(poll);
    return stack().targets("1.22").apply(
        poll, exposed,
        ingress("poll").apiVersion(IngressApi::extensions_v1beta1).route("poll.dop.io", exposed));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
