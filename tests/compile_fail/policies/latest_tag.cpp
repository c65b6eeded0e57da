// expect: kube-linter/latest-tag: Deployment .?.web.?. container .?.web.?. runs image
// .?.nginx:latest
#include "compliant.hpp"

using namespace kubestack;

// A stack that selects the recommended policy set breaks a check: the error names the check
// and the object. The near miss pins nginx:1.27; the waived case is in policy_near_misses.cpp.
constexpr Stack broken() {
    const auto web = compliant_web().image("nginx:latest");
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
