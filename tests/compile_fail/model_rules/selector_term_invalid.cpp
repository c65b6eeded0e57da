// expect: Deployment .?.web.?.: spec.selector.matchExpressions.0.: operator Exists takes no values
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateLabelSelectorRequirement: Exists and DoesNotExist take no values. The near miss
// lists none.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    api::meta::v1::LabelSelectorRequirement term;
    term.key = "app";
    term.operator_ = "Exists";
    term.values.emplace().push_back("web");
    d.spec.emplace().selector.matchExpressions.emplace().push_back(term);
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
