// expect: ConfigMap .?.Settings.?.: metadata.name: the name of kind ConfigMap is a DNS subdomain
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateObjectMeta with NameIsDNSSubdomain: a lowercase name. The near miss is "settings".
constexpr core::ConfigMap web() {
    core::ConfigMap config;
    config.metadata.emplace().name = "Settings";
    return config;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
