// The near misses of StatefulSet, Job and CronJob: the closest value to each value rule
// of values/ and a stack one step away from each case of stack_rules/ about these kinds.
// It must compile, with every rule on.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack near_misses() {
    // Governed by a headless Service of its namespace that selects its pods (and by more
    // labels than the Service asks for); each claim template is mounted, one by a sidecar.
    const auto zk =
        statefulSet("zk")
            .inNamespace("data")
            .label("tier", "storage")
            .replicas(10000)
            .serviceName("zk-hs")
            .image("zookeeper:3.9")
            .restartPolicy(RestartPolicy::Always)
            .port("server", 2888)
            .claimTemplate(persistentVolumeClaim("datadir")
                               .request("10Gi")
                               .accessMode(AccessMode::ReadWriteOnce)
                               .annotation("volume.beta.kubernetes.io/storage-class", "fast"))
            .claimTemplate(persistentVolumeClaim("a23456789012345678901234567890123456"
                                                 "789012345678901234567890123")
                               .request("1Gi")
                               .accessMode(AccessMode::ReadWriteOnce))
            .mount("datadir", "/var/lib/zookeeper")
            .container(container("backup")
                           .image("busybox:1.36")
                           .mount("a23456789012345678901234567890123456789012345678901234567890123",
                                  "/backup"))
            .podManagementPolicy(PodManagementPolicy::Parallel)
            .rollingUpdate(0);
    const auto governing = service("zk-hs")
                               .inNamespace("data")
                               .headless()
                               .selector("app", "zk")
                               .port("server", 2888, "server");
    // Updated on delete, and without a serviceName, which the rules then leave alone.
    const auto cache =
        statefulSet("cache").image("redis:7").updateStrategy(UpdateStrategy::OnDelete);

    // Job and CronJob pods: the smallest counts, restart policies other than Always, a
    // Secret and an account that the stack has.
    const auto credentials = secret("db").data("PASSWORD", "x");
    const auto account = serviceAccount("backup");
    const auto migrate = job("migrate")
                             .image("migrate:1")
                             .restartPolicy(RestartPolicy::OnFailure)
                             .completions(0)
                             .parallelism(0)
                             .backoffLimit(0)
                             .ttlSecondsAfterFinished(0)
                             .activeDeadlineSeconds(1)
                             .env(credentials.key("PASSWORD"));
    // 52 characters, and every form of schedule field.
    const auto backup = cronJob("a234567890123456789012345678901234567890123456789012")
                            .image("backup:1")
                            .schedule("*/5 0-23/2 1,15 JAN-dec sun-SAT")
                            .restartPolicy(RestartPolicy::Never)
                            .serviceAccount(account)
                            .concurrencyPolicy(ConcurrencyPolicy::Forbid)
                            .suspend(false)
                            .successfulJobsHistoryLimit(0)
                            .failedJobsHistoryLimit(0)
                            .startingDeadlineSeconds(0)
                            .env(credentials.key("PASSWORD"));
    const auto nightly = cronJob("nightly").image("backup:1").schedule("@midnight");
    const auto legacy = cronJob("legacy")
                            .image("backup:1")
                            .schedule("0 3 * * ?")
                            .apiVersion(CronJobApi::batch_v1beta1);

    return stack()
        .targets("1.24") // the last version that serves batch/v1beta1 CronJobs
        .apply(namespace_("data"), credentials, account)
        .apply(zk, governing, cache, migrate, backup, nightly, legacy);
}

// Time zones, from the first version that honours them.
constexpr Stack time_zones() {
    return stack().targets("1.25").apply(
        cronJob("backup")
            .image("backup:1")
            .schedule("@daily")
            .timeZone("America/Argentina/Buenos_Aires"),
        cronJob("nightly").image("backup:1").schedule("@midnight").timeZone("Etc/GMT+3"));
}
static_assert(rules_broken_by(time_zones()).empty());

int main(int argc, char** argv) {
    return run<near_misses>(argc, argv);
}
