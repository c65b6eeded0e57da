// Service accounts, roles (of a namespace) and cluster roles, and the bindings that grant a
// role to accounts.
#pragma once

#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    verb_must_be_one_of_get_list_watch_create_update_patch_delete_deletecollection_or_star)
} // namespace broken_rule

// The verbs of Kubernetes' own API servers. kubestack-import reads this list
// (tools/import_builders.py): a role that grants another verb is imported in the typed
// model.
inline constexpr std::string_view known_verbs[] = {
    "get", "list", "watch", "create",   "update",     "patch", "delete", "deletecollection",
    "*",   "use",  "bind",  "escalate", "impersonate"};

constexpr bool is_verb(std::string_view text) {
    for (std::string_view known : known_verbs)
        if (text == known) return true;
    return false;
}

namespace rules {
struct Verb {
    static constexpr auto accepts = is_verb;
    KUBESTACK_REJECTED_BY(
        verb_must_be_one_of_get_list_watch_create_update_patch_delete_deletecollection_or_star)
};
} // namespace rules

using Verb = detail::CheckedText<rules::Verb>;

class ServiceAccount : public Resource<ServiceAccount> {
public:
    constexpr explicit ServiceAccount(Name name)
        : Resource(name) {}
};

// One grant, in the order the YAML writes it: apiGroups, resources, verbs.
// `""` is the core API group.
struct PolicyRule {
    detail::FixedList<std::string_view, limits::policy_items> apiGroups;
    detail::FixedList<std::string_view, limits::policy_items> resources;
    detail::FixedList<Verb, limits::policy_items> verbs;
};

// API groups and resources are not checked against a list: the cluster may serve any,
// from its custom resources.
constexpr const PolicyRule& checked_grant(const PolicyRule& grant, detail::RuleRecord& broken) {
    for (std::string_view text : grant.apiGroups)
        if (!is_valid_utf8(text)) broken_rule::text_must_be_valid_utf8(broken);
    for (std::string_view text : grant.resources)
        if (!is_valid_utf8(text)) broken_rule::text_must_be_valid_utf8(broken);
    return grant;
}

class ClusterRole : public Resource<ClusterRole, Scope::Cluster> {
public:
    constexpr explicit ClusterRole(RoleName name)
        : Resource(name) {}

    constexpr ClusterRole& rule(PolicyRule grant) {
        rules_.push_back(checked_grant(grant, this->meta_.broken));
        return *this;
    }
    constexpr const auto& rules() const { return rules_; }

private:
    detail::FixedList<PolicyRule, limits::policy_rules> rules_;
};

struct Subject {
    std::string_view name;
    std::string_view ns;
    bool created_elsewhere = false;
};

class ClusterRoleBinding : public Resource<ClusterRoleBinding, Scope::Cluster> {
public:
    constexpr explicit ClusterRoleBinding(RoleName name)
        : Resource(name) {}

    constexpr ClusterRoleBinding& role(const ClusterRole& granted) {
        role_ = granted.name();
        role_created_elsewhere_ = granted.metadata().created_elsewhere;
        return *this;
    }
    constexpr ClusterRoleBinding& subject(const ServiceAccount& account) {
        subjects_.push_back({account.name(), account.ns(), account.metadata().created_elsewhere});
        return *this;
    }

    constexpr std::string_view role_name() const { return role_; }
    constexpr bool role_created_elsewhere() const { return role_created_elsewhere_; }
    constexpr const auto& subjects() const { return subjects_; }

private:
    std::string_view role_;
    bool role_created_elsewhere_ = false;
    detail::FixedList<Subject, limits::subjects> subjects_;
};

// A Role grants its rules in its own namespace only.
class Role : public Resource<Role> {
public:
    constexpr explicit Role(RoleName name)
        : Resource(name) {}

    constexpr Role& rule(PolicyRule grant) {
        rules_.push_back(checked_grant(grant, this->meta_.broken));
        return *this;
    }
    constexpr const auto& rules() const { return rules_; }

private:
    detail::FixedList<PolicyRule, limits::policy_rules> rules_;
};

// What a RoleBinding grants: a Role of its namespace, or a ClusterRole's rules, which
// then apply in the binding's namespace only.
struct RoleRef {
    std::string_view kind; // "Role" or "ClusterRole"
    std::string_view name;
    std::string_view ns; // a Role's namespace
    bool created_elsewhere = false;

    constexpr bool is_cluster_role() const { return kind == "ClusterRole"; }
};

class RoleBinding : public Resource<RoleBinding> {
public:
    constexpr explicit RoleBinding(RoleName name)
        : Resource(name) {}

    // The binding moves to the Role's namespace, where it must be.
    constexpr RoleBinding& role(const Role& granted) {
        role_ = {"Role", granted.name(), granted.ns(), granted.metadata().created_elsewhere};
        place_beside(granted.metadata());
        return *this;
    }
    constexpr RoleBinding& role(const ClusterRole& granted) {
        role_ = {"ClusterRole", granted.name(), {}, granted.metadata().created_elsewhere};
        return *this;
    }
    // An account of any namespace.
    constexpr RoleBinding& subject(const ServiceAccount& account) {
        subjects_.push_back({account.name(), account.ns(), account.metadata().created_elsewhere});
        return *this;
    }

    constexpr const RoleRef& role_ref() const { return role_; }
    constexpr const auto& subjects() const { return subjects_; }

private:
    RoleRef role_;
    detail::FixedList<Subject, limits::subjects> subjects_;
};

constexpr ServiceAccount serviceAccount(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(ServiceAccount(name), where);
}
constexpr ClusterRole clusterRole(RoleName name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(ClusterRole(name), where);
}
constexpr ClusterRoleBinding clusterRoleBinding(RoleName name,
                                                SourcePlace where = SourcePlace::here()) {
    return detail::written_at(ClusterRoleBinding(name), where);
}
constexpr Role role(RoleName name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Role(name), where);
}
constexpr RoleBinding roleBinding(RoleName name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(RoleBinding(name), where);
}

} // namespace kubestack
