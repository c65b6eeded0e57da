// expect: RoleBinding .?.viewers.?.: roleRef.name names ClusterRole .?.view.?., which the
// stack does not have
#include <kubestack.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;

// An object of the model grants the built-in ClusterRole "view", which the stack neither
// applies nor declares with refersTo(clusterRole("view").createdElsewhere()).
constexpr api::rbac::v1::RoleBinding viewers() {
    api::rbac::v1::RoleBinding binding;
    binding.metadata.emplace().name = "viewers";
    binding.roleRef = {"rbac.authorization.k8s.io", "ClusterRole", "view"};
    binding.subjects.emplace().push_back({{}, "User", "jane", {}});
    return binding;
}

constexpr Stack broken() {
    return stack().apply(object<viewers>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
