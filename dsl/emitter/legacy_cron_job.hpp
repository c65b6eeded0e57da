// The batch/v1beta1 CronJob, served from Kubernetes 1.8 to 1.24, which the 1.36 spec the
// model is generated from no longer has. Its spec has the fields of batch/v1's, so only the
// kind is written by hand, with the generated structs' shape for the generic emitter.
#pragma once

#include <kubestack/api/batch/v1.hpp>
#include <kubestack/api/meta/v1.hpp>
#include <kubestack/api_types.hpp>
#include <string_view>

namespace kubestack::emitter::legacy::batch::v1beta1 {

struct CronJob {
    static constexpr std::string_view api_version = "batch/v1beta1";
    static constexpr std::string_view kind = "CronJob";
    static constexpr std::string_view resource = "cronjobs";
    static constexpr bool namespaced = true;

    api::Optional<api::meta::v1::ObjectMeta> metadata{};
    api::batch::v1::CronJobSpec spec{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(api::FieldInfo{"metadata"}, self.metadata);
        visit(api::FieldInfo{"spec", true}, self.spec);
    }
};

} // namespace kubestack::emitter::legacy::batch::v1beta1
