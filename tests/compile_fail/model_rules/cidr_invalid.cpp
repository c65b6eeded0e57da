// expect: NetworkPolicy .?.web.?.: .*ipBlock.cidr: .?.10.0.0.0/33.?. is no CIDR
#include <kubestack.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;
namespace networking = api::networking::v1;

// ValidateIPBlock: the cidr parses. The near miss is 10.0.0.0/16.
constexpr networking::NetworkPolicy web() {
    networking::NetworkPolicy policy;
    policy.metadata.emplace().name = "web";
    networking::NetworkPolicyPeer peer;
    peer.ipBlock.emplace().cidr = "10.0.0.0/33";
    networking::NetworkPolicyIngressRule allowed;
    allowed.from.emplace().push_back(peer);
    policy.spec.emplace().ingress.emplace().push_back(allowed);
    return policy;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
