// expect: cron_job_name_must_be_at_most_52_characters_to_leave_room_for_job_names
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // 53 characters.
    return stack().apply(
        cronJob("backup-of-the-database-every-night-at-three-in-the-mo") // <- error
            .schedule("@daily"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
