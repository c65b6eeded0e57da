// expect: kube-score/statefulset-has-poddisruptionbudget: StatefulSet .?.db.?. runs 3 replicas
#include <kubestack.hpp>

using namespace kubestack;

// Three replicas, and no PodDisruptionBudget selects their pods. The near miss adds one that
// does.
constexpr Stack broken() {
    const auto db = statefulSet("db")
                        .image("postgres:16.4")
                        .imagePullPolicy(ImagePullPolicy::Always)
                        .port("pg", 5432)
                        .cpu("1")
                        .cpuRequest("1")
                        .memory("1Gi")
                        .memoryRequest("1Gi")
                        .readinessProbe(tcpSocket("pg"))
                        .hardened()
                        .replicas(3);
    return stack()
        .policy(policies::recommended)
        .apply(db, service("db").selects(db).headless().port("pg", 5432, "pg"),
               networkPolicy("db").selects(db).denyIngress());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
