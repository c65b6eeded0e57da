// expect: Job .?.migrate.?. reads Secret .?.db.?., which namespace .?.default.?. does
// not have
#include <kubestack.hpp>

using namespace kubestack;

// Job pods follow the pod rules of every workload.
constexpr Stack broken() {
    const auto credentials = secret("db").data("PASSWORD", "x");
    return stack().apply(job("migrate").env(credentials.key("PASSWORD")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
