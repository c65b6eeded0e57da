// CronJobs: the schedule and its settings, and a job template with the Job spec.
#include "job_spec.hpp"
#include "metadata.hpp"

namespace kubestack::emitter {

CronJobModel to_model(const CronJob& object, TextArena& arena, bool account_bound) {
    api::batch::v1::CronJob model;
    model.metadata = to_model(object.metadata());
    api::batch::v1::CronJobSpec& spec = model.spec;
    spec.schedule = object.schedule();
    if (!object.time_zone().empty()) spec.timeZone = object.time_zone();
    if (const auto policy = object.concurrency_policy())
        spec.concurrencyPolicy = to_string(*policy);
    if (const auto suspended = object.suspended()) spec.suspend = *suspended;
    if (const auto limit = object.successful_jobs_history_limit())
        spec.successfulJobsHistoryLimit = *limit;
    if (const auto limit = object.failed_jobs_history_limit()) spec.failedJobsHistoryLimit = *limit;
    if (const auto seconds = object.starting_deadline_seconds())
        spec.startingDeadlineSeconds = *seconds;
    spec.jobTemplate.spec = to_model_detail::job_spec(object, "CronJob", arena, account_bound);
    if (object.api() == CronJobApi::batch_v1beta1)
        return legacy::batch::v1beta1::CronJob{std::move(model.metadata), std::move(spec)};
    return model;
}

} // namespace kubestack::emitter
