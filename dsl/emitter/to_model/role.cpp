#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

namespace v1 = api::rbac::v1;

constexpr std::string_view rbac_group = "rbac.authorization.k8s.io";

template <class Texts>
api::List<api::String> model_texts(const Texts& texts) {
    api::List<api::String> list;
    for (std::string_view text : texts)
        list.push_back(text);
    return list;
}

v1::PolicyRule model_rule(const PolicyRule& grant) {
    v1::PolicyRule model;
    if (!grant.apiGroups.empty()) model.apiGroups = model_texts(grant.apiGroups);
    if (!grant.resources.empty()) model.resources = model_texts(grant.resources);
    model.verbs = model_texts(grant.verbs);
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
        for (const Subject& account : object.subjects()) {
            v1::Subject subject;
            subject.kind = "ServiceAccount";
            subject.name = account.name;
            subject.namespace_ = account.ns;
            subjects.push_back(subject);
        }
    }
    return model;
}

} // namespace kubestack::emitter
