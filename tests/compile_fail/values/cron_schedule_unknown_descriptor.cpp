// expect: schedule_must_be_five_cron_fields_.*_or_a_descriptor_like_at_daily
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(cronJob("backup").schedule("@fortnightly")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
