// expect: CronJob .?.backup.?. sets timeZone Europe/Paris, which Kubernetes 1.24
// ignores .served from 1.25.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().targets("1.24").apply(
        cronJob("backup").schedule("0 3 * * *").timeZone("Europe/Paris"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
