// expect: Deployment .?.web.?.: .*requests.memory.: 2Gi is more than its limit 1Gi
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateResourceRequirements: "must be less than or equal to memory limit". The near miss
// requests 1Gi.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    c.resources.emplace().requests.emplace().push_back({"memory", "2Gi"});
    c.resources->limits.emplace().push_back({"memory", "1Gi"});
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
