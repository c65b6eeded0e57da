// expect: Ingress .?.web.?. declares Secret .?.api-tls.?. with refersTo.?., but none of its
// fields names it
#include <kubestack.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// The Ingress's TLS Secret is "web-tls": the declaration of "api-tls" declares nothing it
// refers to (a typo, or a reference since removed).
constexpr api::networking::v1::Ingress web() {
    api::networking::v1::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    api::networking::v1::IngressTLS tls;
    tls.secretName = "web-tls";
    ingress.spec.emplace().tls.emplace().push_back(tls);
    ingress.spec->defaultBackend.emplace().resource.emplace() = {"", "Bucket", "static"};
    return ingress;
}

constexpr Stack broken() {
    return stack().apply(object<web>()
                             .refersTo(secret("web-tls").createdElsewhere())
                             .refersTo(secret("api-tls").createdElsewhere()));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
