// Service accounts, cluster roles and their bindings.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace rbac = api::rbac::v1;

using to_model_detail::service_account_subject;
using to_model_detail::strings;

api::core::v1::ServiceAccount to_model(const ServiceAccount& object, TextArena&) {
    api::core::v1::ServiceAccount model;
    model.metadata = to_model(object.metadata());
    return model;
}

api::rbac::v1::ClusterRole to_model(const ClusterRole& object, TextArena&) {
    rbac::ClusterRole model;
    model.metadata = to_model(object.metadata());
    api::List<rbac::PolicyRule>& rules = model.rules.emplace();
    for (const PolicyRule& rule : object.rules()) {
        rbac::PolicyRule out;
        out.apiGroups = strings(rule.apiGroups);
        out.resources = strings(rule.resources);
        out.verbs = strings(rule.verbs);
        rules.push_back(out);
    }
    return model;
}

api::rbac::v1::ClusterRoleBinding to_model(const ClusterRoleBinding& object, TextArena&) {
    rbac::ClusterRoleBinding model;
    model.metadata = to_model(object.metadata());
    model.roleRef.apiGroup = "rbac.authorization.k8s.io";
    model.roleRef.kind = "ClusterRole";
    model.roleRef.name = object.role_name();
    api::List<rbac::Subject>& subjects = model.subjects.emplace();
    for (const Subject& subject : object.subjects())
        subjects.push_back(service_account_subject(subject));
    return model;
}

} // namespace kubestack::emitter
