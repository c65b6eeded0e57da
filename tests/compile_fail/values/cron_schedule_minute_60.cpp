// expect: schedule_must_be_five_cron_fields_.*_or_a_descriptor_like_at_daily
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(cronJob("backup").schedule("60 3 * * *")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
