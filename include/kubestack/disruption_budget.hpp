// PodDisruptionBudgets (policy/v1): how many of a workload's pods a voluntary disruption,
// such as draining a node, may take down at once.
//
// A budget selects pods by label, in its own namespace: `.selects(zk)` takes the
// workload's selector (and namespace), `.selector(key, value)` writes one by hand. It
// gives either minAvailable or maxUnavailable, as a count or a percentage of the pods.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/pods_created_elsewhere.hpp>
#include <kubestack/workload_ref.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(disruption_budget_gives_min_available_or_max_unavailable_not_both)
KUBESTACK_BROKEN_RULE(disruption_budget_pod_count_must_not_be_negative)
KUBESTACK_BROKEN_RULE(percentage_must_be_written_like_50_percent_from_0_to_100)
} // namespace broken_rule

// "0%" to "100%", as Kubernetes accepts a percentage of pods (IsNotMoreThan100Percent).
constexpr bool is_percentage_up_to_100(std::string_view text) {
    if (text.size() < 2 || text.size() > 4 || text.back() != '%') return false;
    int value = 0;
    for (char c : text.substr(0, text.size() - 1)) {
        if (!detail::is_digit(c)) return false;
        value = value * 10 + (c - '0');
    }
    return value <= 100;
}

namespace rules {
struct Percentage {
    static constexpr auto accepts = is_percentage_up_to_100;
    KUBESTACK_REJECTED_BY(percentage_must_be_written_like_50_percent_from_0_to_100)
};
} // namespace rules

using Percentage = detail::CheckedText<rules::Percentage>;

// A number of pods, or a percentage of them: minAvailable: 2, maxUnavailable: 25%.
struct PodCount {
    int count = 0;
    std::string_view percentage; // set for a percentage
    bool set = false;
};

// When an unhealthy pod may be evicted: only while the budget holds (the default), or
// always, so that a broken pod does not block a node's drain.
enum class UnhealthyPodEvictionPolicy { IfHealthyBudget, AlwaysAllow };

class PodDisruptionBudget : public Resource<PodDisruptionBudget> {
public:
    constexpr explicit PodDisruptionBudget(Name name)
        : Resource(name) {}

    // The pods of this workload, or pods created elsewhere; the budget moves to their
    // namespace, where it must be.
    template <SelectablePods Pods>
    constexpr PodDisruptionBudget& selects(const Pods& pods) {
        selector_ = select_pods_of(pods);
        return *this;
    }
    // One term of a selector written by hand.
    constexpr PodDisruptionBudget& selector(LabelKey key, LabelValue value) {
        selector_.set(key, value);
        this->meta_.selects_pods_created_elsewhere = false; // a selector by hand is checked
        return *this;
    }

    // Counts are checked when the stack is evaluated, so they can come from cluster values.
    constexpr PodDisruptionBudget& minAvailable(int count) {
        return budget(true, pod_count(count));
    }
    constexpr PodDisruptionBudget& minAvailable(Percentage share) {
        return budget(true, {0, share, true});
    }
    constexpr PodDisruptionBudget& maxUnavailable(int count) {
        return budget(false, pod_count(count));
    }
    constexpr PodDisruptionBudget& maxUnavailable(Percentage share) {
        return budget(false, {0, share, true});
    }
    constexpr PodDisruptionBudget& unhealthyPodEvictionPolicy(UnhealthyPodEvictionPolicy policy) {
        eviction_policy_ = policy;
        eviction_policy_set_ = true;
        return *this;
    }

    constexpr const Labels& selector() const { return selector_; }
    constexpr const PodCount& min_available() const { return min_available_; }
    constexpr const PodCount& max_unavailable() const { return max_unavailable_; }
    constexpr bool has_eviction_policy() const { return eviction_policy_set_; }
    constexpr UnhealthyPodEvictionPolicy eviction_policy() const { return eviction_policy_; }

private:
    constexpr PodCount pod_count(int count) {
        if (count < 0)
            broken_rule::disruption_budget_pod_count_must_not_be_negative(this->meta_.broken);
        return {count, {}, true};
    }
    // Kubernetes rejects a budget with both (pkg/apis/policy/validation).
    constexpr PodDisruptionBudget& budget(bool min_available, const PodCount& value) {
        if ((min_available ? max_unavailable_ : min_available_).set)
            broken_rule::disruption_budget_gives_min_available_or_max_unavailable_not_both(
                this->meta_.broken);
        (min_available ? min_available_ : max_unavailable_) = value;
        return *this;
    }

    Labels selector_;
    PodCount min_available_;
    PodCount max_unavailable_;
    UnhealthyPodEvictionPolicy eviction_policy_ = UnhealthyPodEvictionPolicy::IfHealthyBudget;
    bool eviction_policy_set_ = false;
};

constexpr PodDisruptionBudget podDisruptionBudget(Name name,
                                                  SourcePlace where = SourcePlace::here()) {
    return detail::written_at(PodDisruptionBudget(name), where);
}

constexpr std::string_view to_string(UnhealthyPodEvictionPolicy policy) {
    return policy == UnhealthyPodEvictionPolicy::AlwaysAllow ? "AlwaysAllow" : "IfHealthyBudget";
}

} // namespace kubestack
