// expect: service_built_from_a_workload_needs_a_workload_name_that_starts_with_a_letter
// No line marker: GCC 12 drops the source location of a call that initializes a class
// with a non-trivial destructor (here the Service), so the head names the rule only.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto app = deployment("3d").port("http", 80);
    return stack().apply(app, service(app));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
