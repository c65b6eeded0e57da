// A Job's spec, shared by Jobs and the job template of CronJobs.
#pragma once

#include "../to_model.hpp"

namespace kubestack::emitter::to_model_detail {

// The Job settings that are set, and the pod template. No selector: the API server makes
// one for the Job's own pods.
template <class Owner>
api::batch::v1::JobSpec job_spec(const Owner& object, std::string_view kind, TextArena& arena,
                                 bool account_bound) {
    api::batch::v1::JobSpec spec;
    const JobSettings& settings = object.job_settings();
    if (settings.completions) spec.completions = *settings.completions;
    if (settings.parallelism) spec.parallelism = *settings.parallelism;
    if (settings.backoff_limit) spec.backoffLimit = *settings.backoff_limit;
    if (settings.active_deadline_seconds)
        spec.activeDeadlineSeconds = *settings.active_deadline_seconds;
    if (settings.ttl_seconds_after_finished)
        spec.ttlSecondsAfterFinished = *settings.ttl_seconds_after_finished;
    spec.template_ =
        to_model(object.pod(), {kind, object.metadata(), object.selector(), account_bound}, arena);
    return spec;
}

} // namespace kubestack::emitter::to_model_detail
