// expect: Deployment .?.web.?.: .*securityContext.allowPrivilegeEscalation: must not be false
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateSecurityContext: "cannot set `allowPrivilegeEscalation` to false and `privileged` to
// true". The near miss is privileged, with allowPrivilegeEscalation unset.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    c.securityContext.emplace().privileged = true;
    c.securityContext->allowPrivilegeEscalation = false;
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
