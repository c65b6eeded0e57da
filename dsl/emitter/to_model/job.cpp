// Jobs: metadata and the Job spec.
#include "job_spec.hpp"
#include "metadata.hpp"

namespace kubestack::emitter {

api::batch::v1::Job to_model(const Job& object, TextArena& arena) {
    api::batch::v1::Job model;
    model.metadata = to_model(object.metadata());
    model.spec = to_model_detail::job_spec(object, "Job", arena);
    return model;
}

} // namespace kubestack::emitter
