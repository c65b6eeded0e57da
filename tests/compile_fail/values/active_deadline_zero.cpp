// expect: Job .?.migrate.?. breaks rule active_deadline_seconds_must_be_positive
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(job("migrate").activeDeadlineSeconds(0));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
