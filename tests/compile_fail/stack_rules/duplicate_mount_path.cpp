// expect: Deployment .?.web.?. container .?.web.?. mounts volumes .?.app.?. and .?.extra.?. at the
// path /etc/app
#include <kubestack.hpp>

using namespace kubestack;

// Kubernetes: mountPath: must be unique.
constexpr Stack broken() {
    const auto app = configMap("app").data("a", "1");
    const auto extra = configMap("extra").data("b", "2");
    return stack().apply(
        app, extra,
        deployment("web").image("web:1").mount(app, "/etc/app").mount(extra, "/etc/app"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
