// expect: CronJob .?.backup.?. runs as ServiceAccount .?.backup.?., which namespace
// ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

// CronJob pods follow the pod rules of every workload.
constexpr Stack broken() {
    return stack().apply(
        cronJob("backup").schedule("@daily").serviceAccount(serviceAccount("backup")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
