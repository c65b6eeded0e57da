// CronJobs: a Job made on a schedule.
//
// The CronJob takes the Job settings (job.hpp) for its job template; its own are the
// schedule, checked where it is written (cron_schedule.hpp), and how runs overlap, are
// kept and catch up. It is written as batch/v1 (Kubernetes 1.21 and later), or as
// batch/v1beta1 for older clusters: `.apiVersion(CronJobApi::batch_v1beta1)`, which the
// target-version rule rejects from 1.25 on.
#pragma once

#include <kubestack/cron_schedule.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/job.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/names.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(cron_job_name_must_be_at_most_52_characters_to_leave_room_for_job_names)
KUBESTACK_BROKEN_RULE(time_zone_must_be_an_iana_name_like_europe_slash_paris)
} // namespace broken_rule

// The first version that honours a CronJob's timeZone (beta, on by default; GA in 1.27).
inline constexpr KubernetesVersion cron_job_time_zone_since{1, 25};

// The Jobs a CronJob creates are named <cronjob>-<minutes since 1970>: 11 more characters.
inline constexpr std::size_t cron_job_name_limit = 52;

// "Etc/UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+3": as the Go time zone database names
// them.
constexpr bool is_time_zone_name(std::string_view text) {
    return !text.empty() && text.size() <= 64 && detail::is_alpha(text.front()) &&
           text.back() != '/' && text.find("//") == std::string_view::npos &&
           detail::all_of(text, [](char c) {
               return detail::is_alnum(c) || c == '/' || c == '_' || c == '-' || c == '+';
           });
}

namespace rules {
struct TimeZone {
    static constexpr auto accepts = is_time_zone_name;
    KUBESTACK_REJECTED_BY(time_zone_must_be_an_iana_name_like_europe_slash_paris)
};
} // namespace rules

using TimeZone = detail::CheckedText<rules::TimeZone>;

// What a CronJob does when a run is due while the previous one still runs.
enum class ConcurrencyPolicy { Allow, Forbid, Replace };

constexpr std::string_view to_string(ConcurrencyPolicy policy) {
    switch (policy) {
    case ConcurrencyPolicy::Forbid:
        return "Forbid";
    case ConcurrencyPolicy::Replace:
        return "Replace";
    default:
        return "Allow";
    }
}

// The apiVersions a CronJob can be written in.
enum class CronJobApi { batch_v1, batch_v1beta1 };

constexpr ServedVersions served_versions(CronJobApi api) {
    if (api == CronJobApi::batch_v1beta1) return {"batch/v1beta1", {1, 8}, {1, 24}};
    return {"batch/v1", {1, 21}};
}

class CronJob : public JobWorkload<CronJob> {
public:
    constexpr explicit CronJob(DnsLabel name)
        : JobWorkload(name) {
        if (name.view().size() > cron_job_name_limit)
            broken_rule::cron_job_name_must_be_at_most_52_characters_to_leave_room_for_job_names(
                this->meta_.broken);
    }

    constexpr CronJob& schedule(CronSchedule when) {
        schedule_ = when;
        return *this;
    }
    // The schedule's time zone; without one, the controller's.
    constexpr CronJob& timeZone(TimeZone zone) {
        time_zone_ = zone;
        return *this;
    }
    constexpr CronJob& concurrencyPolicy(ConcurrencyPolicy policy) {
        concurrency_policy_ = policy;
        return *this;
    }
    constexpr CronJob& suspend(bool suspended = true) {
        suspend_ = suspended;
        return *this;
    }
    constexpr CronJob& successfulJobsHistoryLimit(int jobs) {
        return set(successful_jobs_history_limit_, jobs);
    }
    constexpr CronJob& failedJobsHistoryLimit(int jobs) {
        return set(failed_jobs_history_limit_, jobs);
    }
    // How late a missed run may still start.
    constexpr CronJob& startingDeadlineSeconds(int seconds) {
        return set(starting_deadline_seconds_, seconds);
    }
    constexpr CronJob& apiVersion(CronJobApi api) {
        api_ = api;
        return *this;
    }

    constexpr std::string_view schedule() const { return schedule_; }
    constexpr std::string_view time_zone() const { return time_zone_; }
    constexpr std::optional<ConcurrencyPolicy> concurrency_policy() const {
        return concurrency_policy_;
    }
    constexpr std::optional<bool> suspended() const { return suspend_; }
    constexpr std::optional<int> successful_jobs_history_limit() const {
        return successful_jobs_history_limit_;
    }
    constexpr std::optional<int> failed_jobs_history_limit() const {
        return failed_jobs_history_limit_;
    }
    constexpr std::optional<int> starting_deadline_seconds() const {
        return starting_deadline_seconds_;
    }
    constexpr CronJobApi api() const { return api_; }
    constexpr ServedVersions served_versions() const { return kubestack::served_versions(api_); }

private:
    std::string_view schedule_; // empty until schedule(): a whole-stack rule asks for one
    std::string_view time_zone_;
    std::optional<ConcurrencyPolicy> concurrency_policy_;
    std::optional<bool> suspend_;
    std::optional<int> successful_jobs_history_limit_;
    std::optional<int> failed_jobs_history_limit_;
    std::optional<int> starting_deadline_seconds_;
    CronJobApi api_ = CronJobApi::batch_v1;
};

constexpr CronJob cronJob(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(CronJob(name), where);
}

} // namespace kubestack
