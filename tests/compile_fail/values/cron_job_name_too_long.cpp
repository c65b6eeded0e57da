// expect: CronJob .?.backup-of-the-database-every-night-at-three-in-the-mo.?. breaks rule cron_job_
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // 53 characters.
    return stack().apply(
        cronJob("backup-of-the-database-every-night-at-three-in-the-mo").schedule("@daily"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
