// expect: HorizontalPodAutoscaler .?.web.?.: spec: minReplicas 3 and maxReplicas 2 need
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// validateHorizontalPodAutoscalerSpec: maxReplicas at least minReplicas. The near miss
// scales from 2 to 3.
constexpr api::autoscaling::v2::HorizontalPodAutoscaler web() {
    api::autoscaling::v2::HorizontalPodAutoscaler autoscaler;
    autoscaler.metadata.emplace().name = "web";
    autoscaler.spec.scaleTargetRef = {"apps/v1", "Deployment", "web"};
    autoscaler.spec.minReplicas = 3;
    autoscaler.spec.maxReplicas = 2;
    return autoscaler;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
