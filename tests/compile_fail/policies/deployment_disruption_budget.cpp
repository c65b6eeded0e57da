// expect: kube-score/deployment-has-poddisruptionbudget: Deployment .?.web.?. runs 2 replicas
#include "compliant.hpp"

using namespace kubestack;

// Two replicas, and no PodDisruptionBudget selects their pods. The near miss adds one that
// does, or runs one replica.
constexpr Stack broken() {
    const auto web = compliant_web().replicas(2);
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
