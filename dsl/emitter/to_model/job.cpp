// Jobs: metadata and the Job spec.
#include "job_spec.hpp"
#include "metadata.hpp"

namespace kubestack::emitter {

api::batch::v1::Job to_model(const Job& object, TextArena& arena, bool account_bound) {
    api::batch::v1::Job model;
    model.metadata = to_model(object.metadata());
    model.spec = to_model_detail::job_spec(object, "Job", arena, account_bound);
    return model;
}

} // namespace kubestack::emitter
