// expect: Service .?.web.?.: spec.ports.0..nodePort: a Service of type ClusterIP has no node ports
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateService: "may not be used when `type` is 'ClusterIP'". The near miss is of type
// NodePort.
constexpr core::Service web() {
    core::Service s;
    s.metadata.emplace().name = "web";
    core::ServicePort port;
    port.port = 80;
    port.nodePort = 30080;
    s.spec.emplace().ports.emplace().push_back(port);
    return s;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
