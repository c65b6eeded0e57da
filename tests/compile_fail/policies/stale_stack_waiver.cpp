// expect: the stack waives kube-score/pod-networkpolicy .*platform team.*, which no object breaks
#include "compliant.hpp"

using namespace kubestack;

// A stack-level waiver that no object needs: the stack writes the NetworkPolicy itself. The
// near miss is a workload that no NetworkPolicy of the stack selects.
constexpr Stack broken() {
    const auto web = compliant_web();
    return stack()
        .policy(policies::recommended)
        .waive("kube-score/pod-networkpolicy", "the platform team writes the NetworkPolicies")
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
