// Service accounts, cluster roles and the bindings that grant a role to accounts.
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

constexpr bool is_verb(std::string_view text) {
    for (std::string_view known :
         {"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "*",
          "use", "bind", "escalate", "impersonate"})
        if (text == known) return true;
    return false;
}

namespace rules {
struct Verb {
    static constexpr auto accepts = is_verb;
    static constexpr auto reject = broken_rule::
        verb_must_be_one_of_get_list_watch_create_update_patch_delete_deletecollection_or_star;
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

class ClusterRole : public Resource<ClusterRole, Scope::Cluster> {
public:
    constexpr explicit ClusterRole(RoleName name)
        : Resource(name) {}

    constexpr ClusterRole& rule(PolicyRule grant) {
        // API groups and resources are not checked against a list: the cluster may serve
        // any, from its custom resources.
        for (std::string_view text : grant.apiGroups)
            if (!is_valid_utf8(text)) broken_rule::text_must_be_valid_utf8();
        for (std::string_view text : grant.resources)
            if (!is_valid_utf8(text)) broken_rule::text_must_be_valid_utf8();
        rules_.push_back(grant);
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

constexpr ServiceAccount serviceAccount(Name name) {
    return ServiceAccount(name);
}
constexpr ClusterRole clusterRole(RoleName name) {
    return ClusterRole(name);
}
constexpr ClusterRoleBinding clusterRoleBinding(RoleName name) {
    return ClusterRoleBinding(name);
}

} // namespace kubestack
