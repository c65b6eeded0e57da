// expect: kube-linter/wildcard-in-rules: Role .?.editor.?. grants .?.\*
#include <kubestack.hpp>

using namespace kubestack;

// A Role that grants every resource of its API group, with named verbs. The near miss names
// the resources and the verbs.
constexpr Stack broken() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened();
    const auto editor = role("editor").rule(
        {.apiGroups = {"apps"}, .resources = {"*"}, .verbs = {"get", "update"}});
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress(), editor);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
