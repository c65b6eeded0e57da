// StatefulSets: pods with stable names and their own storage.
//
// Each pod gets a PersistentVolumeClaim per claim template, named after the template, which
// its containers mount by that name; the governing headless Service (serviceName) gives
// each pod a stable DNS name. The whole-stack rules check both (stack_rules.hpp).
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/names.hpp>
#include <kubestack/storage.hpp>
#include <kubestack/workload.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(stateful_sets_only_accept_restart_policy_always)
KUBESTACK_BROKEN_RULE(claim_template_name_must_be_a_dns_label_to_name_the_pod_volume)
KUBESTACK_BROKEN_RULE(rolling_update_partition_must_not_be_negative)
} // namespace broken_rule

enum class PodManagementPolicy { OrderedReady, Parallel };

constexpr std::string_view to_string(PodManagementPolicy policy) {
    return policy == PodManagementPolicy::Parallel ? "Parallel" : "OrderedReady";
}

// How a StatefulSet replaces its pods when its template changes.
enum class UpdateStrategy { RollingUpdate, OnDelete };

constexpr std::string_view to_string(UpdateStrategy strategy) {
    return strategy == UpdateStrategy::OnDelete ? "OnDelete" : "RollingUpdate";
}

// What a claim template keeps of the claim it was made from.
struct ClaimTemplate {
    std::string_view name; // also the name of the pod volume that containers mount
    Labels labels;
    KeyValues<> annotations;
    StorageTerms terms;
};

class StatefulSet : public Workload<StatefulSet> {
public:
    constexpr explicit StatefulSet(DnsLabel name)
        : Workload(name) {}

    // Checked when the stack is evaluated, as a Deployment's.
    constexpr StatefulSet& replicas(int count) {
        if (!is_replica_count(count))
            broken_rule::replicas_must_be_between_0_and_10000(this->meta_.broken);
        replicas_ = count;
        replicas_given_ = true;
        return *this;
    }
    // The headless Service that gives the pods their DNS names (<pod>.<service>).
    constexpr StatefulSet& serviceName(ServiceName name) {
        service_name_ = name;
        return *this;
    }
    // A claim made for each pod from this template, and mounted by its name:
    // .claimTemplate(persistentVolumeClaim("datadir").request("10Gi")).mount("datadir", ...).
    // The claim keeps its labels and annotations; its namespace is the StatefulSet's.
    constexpr StatefulSet& claimTemplate(const PersistentVolumeClaim& claim) {
        if (!is_dns_label(claim.name()))
            broken_rule::claim_template_name_must_be_a_dns_label_to_name_the_pod_volume(
                this->meta_.broken);
        const ObjectMeta& meta = claim.metadata();
        claim_templates_.push_back({meta.name, meta.labels, meta.annotations, claim.terms()});
        return *this;
    }
    constexpr StatefulSet& podManagementPolicy(PodManagementPolicy policy) {
        pod_management_policy_ = policy;
        return *this;
    }
    constexpr StatefulSet& updateStrategy(UpdateStrategy strategy) {
        update_strategy_ = strategy;
        partition_.reset();
        return *this;
    }
    // A rolling update that leaves the pods with an ordinal below `partition` alone.
    constexpr StatefulSet& rollingUpdate(int partition) {
        if (partition < 0)
            broken_rule::rolling_update_partition_must_not_be_negative(this->meta_.broken);
        update_strategy_ = UpdateStrategy::RollingUpdate;
        partition_ = partition;
        return *this;
    }

    constexpr int replica_count() const { return replicas_; }
    // Without replicas(), the field is not written, as for a Deployment.
    constexpr bool replicas_given() const { return replicas_given_; }
    constexpr std::string_view service_name() const { return service_name_; }
    constexpr const auto& claim_templates() const { return claim_templates_; }
    // Unset: left out of the manifest, the API server's default applies.
    constexpr std::optional<PodManagementPolicy> pod_management_policy() const {
        return pod_management_policy_;
    }
    constexpr std::optional<UpdateStrategy> update_strategy() const { return update_strategy_; }
    constexpr std::optional<int> partition() const { return partition_; }

    // A StatefulSet keeps its pods running, as a Deployment does.
    static constexpr void check_restart_policy(RestartPolicy policy, detail::RuleRecord& broken) {
        if (policy != RestartPolicy::Always)
            broken_rule::stateful_sets_only_accept_restart_policy_always(broken);
    }

private:
    int replicas_ = 1;
    bool replicas_given_ = false;
    std::string_view service_name_;
    detail::FixedList<ClaimTemplate, limits::claim_templates> claim_templates_;
    std::optional<PodManagementPolicy> pod_management_policy_;
    std::optional<UpdateStrategy> update_strategy_;
    std::optional<int> partition_;
};

constexpr StatefulSet statefulSet(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(StatefulSet(name), where);
}

} // namespace kubestack
