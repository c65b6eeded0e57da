// A stack with every setter of StatefulSet, Job and CronJob, for the schema test: its
// output must validate against the Kubernetes API (schema.workload_kinds).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack workload_kinds() {
    const auto credentials = secret("db").data("PASSWORD", "x");
    const auto zk =
        statefulSet("zk")
            .replicas(3)
            .serviceName("zk-hs")
            .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
            .port("client", 2181)
            .port("server", 2888)
            .claimTemplate(persistentVolumeClaim("datadir")
                               .label("tier", "storage")
                               .annotation("volume.beta.kubernetes.io/storage-class", "fast")
                               .request("10Gi")
                               .accessMode(AccessMode::ReadWriteOnce)
                               .storageClass("fast"))
            .mount("datadir", "/var/lib/zookeeper")
            .podManagementPolicy(PodManagementPolicy::Parallel)
            .rollingUpdate(1);
    const auto governing =
        service("zk-hs").headless().selector("app", "zk").port("server", 2888, "server");
    const auto migrate = job("migrate")
                             .image("migrate:1")
                             .restartPolicy(RestartPolicy::OnFailure)
                             .completions(3)
                             .parallelism(2)
                             .backoffLimit(4)
                             .activeDeadlineSeconds(600)
                             .ttlSecondsAfterFinished(100)
                             .env(credentials.key("PASSWORD"));
    const auto backup = cronJob("backup")
                            .image("backup:1")
                            .schedule("0 3 * * mon-fri")
                            .timeZone("Europe/Paris")
                            .concurrencyPolicy(ConcurrencyPolicy::Replace)
                            .suspend(false)
                            .successfulJobsHistoryLimit(3)
                            .failedJobsHistoryLimit(1)
                            .startingDeadlineSeconds(300)
                            .completions(1)
                            .parallelism(1)
                            .backoffLimit(2)
                            .activeDeadlineSeconds(3600)
                            .ttlSecondsAfterFinished(60)
                            .env(credentials.key("PASSWORD"));
    return stack()
        .apply(credentials)
        .apply(zk, governing, migrate, backup,
               statefulSet("cache").image("redis:7.2").updateStrategy(UpdateStrategy::OnDelete));
}

int main(int argc, char** argv) {
    return run<workload_kinds>(argc, argv);
}
