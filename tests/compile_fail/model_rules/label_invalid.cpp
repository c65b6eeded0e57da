// expect: ConfigMap .?.web.?.: metadata.labels.tier.: .?.front end.?. is no label value
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateLabels: a label value has no space. The near miss is "front-end".
constexpr core::ConfigMap web() {
    core::ConfigMap config;
    config.metadata.emplace().name = "web";
    config.metadata->labels.emplace().push_back({"tier", "front end"});
    return config;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
