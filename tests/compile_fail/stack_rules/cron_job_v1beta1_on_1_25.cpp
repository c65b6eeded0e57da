// expect: CronJob .?.backup.?. is written as batch/v1beta1, which Kubernetes 1.25
// does not serve .served from 1.8 to 1.24.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().targets("1.25").apply(
        cronJob("backup").schedule("@daily").apiVersion(CronJobApi::batch_v1beta1));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
