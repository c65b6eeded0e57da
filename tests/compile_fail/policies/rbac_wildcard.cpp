// expect: kube-linter/wildcard-in-rules: Role .?.editor.?. grants .?.\*
#include "compliant.hpp"

using namespace kubestack;

// A Role that grants every resource of its API group, with named verbs. The near miss names
// the resources and the verbs.
constexpr Stack broken() {
    const auto web = compliant_web();
    const auto editor = role("editor").rule(
        {.apiGroups = {"apps"}, .resources = {"*"}, .verbs = {"get", "update"}});
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress(), editor);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
