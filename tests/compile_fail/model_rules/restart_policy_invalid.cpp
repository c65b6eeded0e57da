// expect: Job .?.migrate.?.: spec.template.spec.restartPolicy: .?.Always.?. .the default. is not
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// validateJobSpec: a Job's pods restart OnFailure or Never; the default, Always, is refused.
// The near miss says Never.
constexpr api::batch::v1::Job web() {
    api::batch::v1::Job job;
    job.metadata.emplace().name = "migrate";
    core::Container c;
    c.name = "migrate";
    c.image = "migrate:1";
    job.spec.emplace().template_.spec.emplace().containers.push_back(c);
    return job;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
