// expect: CronJob .?.backup.?. is written as batch/v1, which Kubernetes 1.20 does
// not serve .served from 1.21.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().targets("1.20").apply(cronJob("backup").schedule("@daily"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
