// expect: Deployment .?.web.?.: .*ports.0..containerPort: 70000 is no port number .1 to 65535.
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// validateContainerPorts: containerPort must be between 1 and 65535. The near miss is 8080.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    c.ports.emplace().push_back({70000});
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
