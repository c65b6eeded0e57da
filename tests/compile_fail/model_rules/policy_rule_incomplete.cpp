// expect: Role .?.reader.?.: rules.0.: a rule needs at least one verb
#include <kubestack.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;
namespace networking = api::networking::v1;

// ValidatePolicyRule: verbs must contain at least one value. The near miss grants "get".
constexpr api::rbac::v1::Role web() {
    api::rbac::v1::Role role;
    role.metadata.emplace().name = "reader";
    api::rbac::v1::PolicyRule read;
    read.apiGroups.emplace().push_back("");
    read.resources.emplace().push_back("pods");
    role.rules.emplace().push_back(read);
    return role;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
