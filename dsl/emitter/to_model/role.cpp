#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

namespace v1 = api::rbac::v1;

constexpr std::string_view rbac_group = "rbac.authorization.k8s.io";

using to_model_detail::strings;

v1::PolicyRule model_rule(const PolicyRule& grant) {
    v1::PolicyRule model;
    if (!grant.apiGroups.empty()) model.apiGroups = strings(grant.apiGroups);
    if (!grant.resources.empty()) model.resources = strings(grant.resources);
    model.verbs = strings(grant.verbs);
    return model;
}

} // namespace

v1::Role to_model(const Role& object, TextArena&) {
    v1::Role model;
    model.metadata = to_model(object.metadata());
    if (!object.rules().empty()) {
        api::List<v1::PolicyRule>& rules = model.rules.emplace();
        for (const PolicyRule& grant : object.rules())
            rules.push_back(model_rule(grant));
    }
    return model;
}

v1::RoleBinding to_model(const RoleBinding& object, TextArena&) {
    v1::RoleBinding model;
    model.metadata = to_model(object.metadata());
    model.roleRef.apiGroup = rbac_group;
    model.roleRef.kind = object.role_ref().kind;
    model.roleRef.name = object.role_ref().name;
    if (!object.subjects().empty()) {
        api::List<v1::Subject>& subjects = model.subjects.emplace();
        for (const Subject& account : object.subjects())
            subjects.push_back(to_model_detail::service_account_subject(account));
    }
    return model;
}

} // namespace kubestack::emitter
