// expect: Deployment .?.web.?. container .?.web.?. breaks rule exec_needs_a_command
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").livenessProbe(exec({})));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
