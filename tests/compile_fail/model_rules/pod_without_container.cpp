// expect: Deployment .?.web.?.: spec.template.spec.containers: a pod needs at least one container
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// validateContainers: containers Required. The near miss has one.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    d.spec->template_.spec.emplace();
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
