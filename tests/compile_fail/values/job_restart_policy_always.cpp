// expect: Job .?.migrate.?. breaks rule jobs_and_cron_jobs_only_accept_restart_policy_on_failure_or
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(job("migrate").restartPolicy(RestartPolicy::Always));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
