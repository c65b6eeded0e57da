// expect: kube-score/pod-networkpolicy: Deployment .?.web.?. has pods that no NetworkPolicy selects
#include "compliant.hpp"

using namespace kubestack;

// No NetworkPolicy selects the pods. The near miss adds one that selects every pod of the
// namespace (an empty selector).
constexpr Stack broken() {
    const auto web = compliant_web();
    return stack().policy(policies::recommended).apply(web, service(web));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
