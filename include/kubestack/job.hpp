// Jobs: pods that run to completion.
//
// A Job's pods restart on failure or not at all (restartPolicy OnFailure or Never, Never
// by default); Always is a compile error. The settings of a Job are shared with the job
// template of a CronJob (cron_job.hpp) through JobWorkload. The API server makes a Job's
// selector itself, so it is not written; the pods still carry app=<name> for Services and
// the whole-stack rules.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/names.hpp>
#include <kubestack/workload.hpp>
#include <optional>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(jobs_and_cron_jobs_only_accept_restart_policy_on_failure_or_never)
KUBESTACK_BROKEN_RULE(job_counts_and_seconds_must_not_be_negative)
KUBESTACK_BROKEN_RULE(active_deadline_seconds_must_be_positive)
} // namespace broken_rule

// What a Job's spec says besides its pod template; unset fields are left out.
struct JobSettings {
    std::optional<int> completions;
    std::optional<int> parallelism;
    std::optional<int> backoff_limit;
    std::optional<int> active_deadline_seconds;
    std::optional<int> ttl_seconds_after_finished;
};

template <class Self>
class JobWorkload : public Workload<Self> {
public:
    // Checked when the stack is evaluated, so that the values can come from per-cluster
    // settings, as replicas do.
    constexpr Self& completions(int count) { return set(job_.completions, count); }
    constexpr Self& parallelism(int count) { return set(job_.parallelism, count); }
    constexpr Self& backoffLimit(int retries) { return set(job_.backoff_limit, retries); }
    constexpr Self& activeDeadlineSeconds(int seconds) {
        if (seconds <= 0) broken_rule::active_deadline_seconds_must_be_positive(this->meta_.broken);
        job_.active_deadline_seconds = seconds;
        return this->self();
    }
    constexpr Self& ttlSecondsAfterFinished(int seconds) {
        return set(job_.ttl_seconds_after_finished, seconds);
    }

    constexpr const JobSettings& job_settings() const { return job_; }

protected:
    constexpr explicit JobWorkload(DnsLabel name)
        : Workload<Self>(name) {
        this->restartPolicy(RestartPolicy::Never);
    }

    // A pod that finished its work must not be started again.
    static constexpr void check_restart_policy(RestartPolicy policy, detail::RuleRecord& broken) {
        if (policy == RestartPolicy::Always)
            broken_rule::jobs_and_cron_jobs_only_accept_restart_policy_on_failure_or_never(broken);
    }
    friend class Workload<Self>;

    constexpr Self& set(std::optional<int>& field, int value) {
        if (value < 0) broken_rule::job_counts_and_seconds_must_not_be_negative(this->meta_.broken);
        field = value;
        return this->self();
    }

private:
    JobSettings job_;
};

class Job : public JobWorkload<Job> {
public:
    constexpr explicit Job(DnsLabel name)
        : JobWorkload(name) {}
};

constexpr Job job(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Job(name), where);
}

} // namespace kubestack
