// expect: ClusterRole .?.reader.?. breaks rule cluster_scoped_object_takes_no_namespace
#include <kubestack.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// A ClusterRole is in no namespace: placing it in one says something Kubernetes ignores.
constexpr api::rbac::v1::ClusterRole reader() {
    api::rbac::v1::ClusterRole role;
    role.metadata.emplace().name = "reader";
    role.rules.emplace();
    return role;
}

constexpr Stack broken() {
    return stack().apply(object<reader>().inNamespace(namespace_("shop").createdElsewhere()));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
