// expect: CronJob .?.backup.?. breaks rule job_counts_and_seconds_must_not_be_negative
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(cronJob("backup").schedule("@daily").failedJobsHistoryLimit(-1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
