// expect: CronJob .?.backup.?. breaks rule jobs_and_cron_jobs_only_accept_restart_policy_on_failure
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(cronJob("backup").schedule("@daily").restartPolicy(RestartPolicy::Always));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
