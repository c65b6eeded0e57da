// expect: CronJob .?.backup.?. has no schedule
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(cronJob("backup").image("backup:1"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
