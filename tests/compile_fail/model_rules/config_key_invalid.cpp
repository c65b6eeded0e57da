// expect: ConfigMap .?.web.?.: data.nginx/default.conf.: .?.nginx/default.conf.?. is no key
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidateConfigMap: a key is alphanumerics, "-", "_" or ".". The near miss is
// "default.conf".
constexpr core::ConfigMap web() {
    core::ConfigMap config;
    config.metadata.emplace().name = "web";
    config.data.emplace().push_back({"nginx/default.conf", "server {}"});
    return config;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
