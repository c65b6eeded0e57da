// expect: Ingress .?.web.?. terminates TLS with Secret .?.web-tls.?., which
// namespace
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto web = deployment("web").image("nginx:1.27").port("http", 80);
    const auto web_service = service(web);
    const auto certificate = secret("web-tls").data("tls.crt", "...").data("tls.key", "...");
    return stack().apply(web, web_service,
                         ingress("web")
                             .route("shop.example.com", web_service)
                             .tls(certificate, {"shop.example.com"}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
