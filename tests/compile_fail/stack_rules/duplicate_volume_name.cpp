// expect: Deployment .?.web.?. has two volumes named .?.app.?. .configMap .?.app.?. and secret
#include <kubestack.hpp>

using namespace kubestack;

// A ConfigMap and a Secret of one name: both pod volumes take that name, so the pod would
// get one volume, and the Secret's mount would show the ConfigMap.
constexpr Stack broken() {
    const auto config = configMap("app").data("mode", "fast");
    const auto credentials = secret("app").data("password", "secret");
    return stack().apply(config, credentials,
                         deployment("web")
                             .image("web:1")
                             .mount(config, "/etc/app")
                             .mount(credentials, "/etc/secret"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
