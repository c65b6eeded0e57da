// expect: Deployment .?.web.?.: spec.template.spec.containers.0..image: container .?.web.?.
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// A raw Deployment of the typed model is validated as the API server validates it:
// spec.template.spec.containers[0].image: Required value. The near miss gives an image.
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    d.spec.emplace().selector.matchLabels.emplace().push_back({"app", "web"});
    d.spec->template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    api::core::v1::Container c;
    c.name = "web";
    d.spec->template_.spec.emplace().containers.push_back(c);
    return d;
}

constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
