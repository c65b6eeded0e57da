// expect: Ingress .?.web.?.: spec.rules.0..http.paths.0..path: .?.api.?. is no absolute path
#include <kubestack.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;
namespace networking = api::networking::v1;

// validateHTTPIngressRuleValue: a Prefix path must be absolute. The near miss is "/api".
constexpr networking::Ingress web() {
    networking::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    networking::HTTPIngressPath path;
    path.path = "api";
    path.pathType = "Prefix";
    path.backend.service.emplace().name = "web";
    networking::IngressRule rule;
    rule.http.emplace().paths.push_back(path);
    ingress.spec.emplace().rules.emplace().push_back(rule);
    return ingress;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
