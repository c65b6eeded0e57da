// expect: Deployment .?.web.?. waives kube-linter/latest-tag, which it does not break
#include "compliant.hpp"

using namespace kubestack;

// A waiver that waives nothing is an error, so that stale waivers cannot pile up. The near
// miss waives the check of an image that breaks it.
constexpr Stack broken() {
    const auto web = compliant_web().waive("kube-linter/latest-tag", "pinned since");
    return recommended_stack_of(web);
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
