// The near miss of an enum value: Traefik's route kind is "Rule", and the check is exact.
// expect: IngressRoute .?.web.?.: spec.routes.0..kind: .?.rule.?. is not one of Rule
#include <kubestack.hpp>
#include <kubestack/crd/traefik.io/v1alpha1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace traefik = kubestack::crd::traefik_io::v1alpha1;

constexpr traefik::IngressRoute route() {
    traefik::IngressRoute web;
    web.metadata.name = "web";
    traefik::IngressRouteSpecRoutes rule;
    rule.match = "Host(`web.example.com`)";
    rule.kind = "rule";
    web.spec.routes.push_back(rule);
    return web;
}

constexpr Stack broken() {
    return stack().apply(object<route>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
