// expect: Deployment .?.web.?. container .?.web.?. requests 2Gi memory, more than its limit 1Gi
#include <kubestack.hpp>

using namespace kubestack;

// ValidateResourceRequirements: "must be less than or equal to memory limit". The near miss
// requests 512Mi.
constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").memoryRequest("2Gi").memory("1Gi"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
