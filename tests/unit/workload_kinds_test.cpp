// StatefulSets, Jobs and CronJobs: their builders, their whole-stack rules (verdicts at
// compile time, messages at run time), and their YAML.
#include "violation_messages.hpp"

#include <catch2/catch.hpp>
#include <kubestack.hpp>
#include <kubestack/manifests.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack;
using Rules = std::vector<StackRule>;

namespace {

// ZooKeeper as the Kubernetes tutorial runs it (../shared/realworld/zookeeper), with the
// fields of the StatefulSet itself.
constexpr auto zk() {
    return statefulSet("zk")
        .replicas(3)
        .serviceName("zk-hs")
        .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
        .port("client", 2181)
        .port("server", 2888)
        .port("leader-election", 3888)
        .claimTemplate(persistentVolumeClaim("datadir")
                           .request("10Gi")
                           .accessMode(AccessMode::ReadWriteOnce)
                           .annotation("volume.beta.kubernetes.io/storage-class", "fast"))
        .mount("datadir", "/var/lib/zookeeper")
        .podManagementPolicy(PodManagementPolicy::OrderedReady)
        .updateStrategy(UpdateStrategy::RollingUpdate);
}
constexpr auto zk_hs() {
    return service("zk-hs").headless().selector("app", "zk").port("server", 2888, "server");
}

constexpr auto migrate() {
    return job("migrate")
        .image("migrate:1")
        .restartPolicy(RestartPolicy::OnFailure)
        .completions(3)
        .parallelism(2)
        .backoffLimit(4)
        .activeDeadlineSeconds(600)
        .ttlSecondsAfterFinished(100);
}

constexpr auto backup() {
    return cronJob("backup")
        .image("backup:1")
        .schedule("0 3 * * mon-fri")
        .timeZone("Europe/Paris")
        .concurrencyPolicy(ConcurrencyPolicy::Forbid)
        .suspend()
        .successfulJobsHistoryLimit(3)
        .failedJobsHistoryLimit(1)
        .startingDeadlineSeconds(300)
        .backoffLimit(2);
}

// --- StatefulSet rules ---
constexpr Stack stateful_ok() {
    return stack().apply(zk(), zk_hs());
}
constexpr Stack governing_service_missing() {
    return stack().apply(zk());
}
constexpr Stack governing_service_in_other_namespace() {
    return stack().apply(namespace_("other"), zk(), zk_hs().inNamespace("other"));
}
constexpr Stack governing_service_not_headless() {
    return stack().apply(zk(), service("zk-hs").selector("app", "zk").port("server", 2888, 2888));
}
constexpr Stack governing_service_selects_others() {
    return stack().apply(
        zk(), deployment("zoo").image("zoo:1").port("server", 2888),
        service("zk-hs").headless().selector("app", "zoo").port("server", 2888, 2888));
}
constexpr Stack claim_template_unmounted() {
    return stack().apply(
        zk().claimTemplate(
            persistentVolumeClaim("datalog").request("1Gi").accessMode(AccessMode::ReadWriteOnce)),
        zk_hs());
}
constexpr Stack mount_of_unknown_claim_template() {
    return stack().apply(zk().mount("data-log", "/log"), zk_hs());
}
constexpr Stack claim_template_mounted_by_sidecar() {
    return stack().apply(
        zk().claimTemplate(persistentVolumeClaim("datalog").request("1Gi").accessMode(
                               AccessMode::ReadWriteOnce))
            .container(container("log").image("log:1").mount("datalog", "/log")),
        zk_hs());
}

// --- Job and CronJob pods follow the pod rules ---
constexpr Stack job_pods_break_pod_rules() {
    const auto credentials = secret("db").data("PASSWORD", "x");
    return stack().apply(migrate()
                             .env(credentials.key("PASSWORD"))
                             .serviceAccount(serviceAccount("migrator"))
                             .mount("scratch", "/tmp"));
}
constexpr Stack cron_job_pods_break_pod_rules() {
    const auto draft = configMap("backup").data("BUCKET", "s3://backups");
    return stack().apply(
        configMap("backup").data("TARGET", "s3"),
        backup().env(draft.key("BUCKET")).container(container("backup").image("x:1")));
}
constexpr Stack job_pods_ok() {
    const auto credentials = secret("db").data("PASSWORD", "x");
    const auto account = serviceAccount("migrator");
    return stack().apply(credentials, account,
                         migrate()
                             .env(credentials.key("PASSWORD"))
                             .serviceAccount(account)
                             .volume(hostPath("scratch", "/tmp"))
                             .mount("scratch", "/tmp"),
                         backup().env(credentials.key("PASSWORD")));
}
constexpr Stack service_selects_job_pods() {
    const auto worker = job("worker").image("worker:1").port("metrics", 9090);
    return stack().apply(worker, service(worker));
}
constexpr Stack cron_job_without_schedule() {
    return stack().apply(cronJob("backup").image("backup:1"));
}

// --- target versions ---
constexpr Stack cron_job_v1beta1_on(KubernetesVersion target) {
    return stack().targets(target).apply(cronJob("backup")
                                             .image("backup:1")
                                             .schedule("@daily")
                                             .apiVersion(CronJobApi::batch_v1beta1));
}
constexpr Stack cron_job_v1_on(KubernetesVersion target) {
    return stack().targets(target).apply(cronJob("backup").image("backup:1").schedule("@daily"));
}
constexpr Stack cron_job_time_zone_on(KubernetesVersion target) {
    return stack().targets(target).apply(backup());
}
constexpr Stack stateful_set_on(KubernetesVersion target) {
    return stack().targets(target).apply(zk(), zk_hs());
}

// All three kinds in one stack, for the YAML.
constexpr Stack all_three() {
    return stack().apply(zk(), zk_hs(), migrate(), backup());
}

YAML::Node document_of(const std::string& kind) {
    for (const Document& d : render_documents(all_three()))
        if (d.kind == kind) return YAML::Load(d.yaml);
    FAIL("no " << kind << " in the stack");
    return {};
}

} // namespace

TEST_CASE("a StatefulSet keeps its replicas, service, claim templates and policies",
          "[workload_kinds]") {
    STATIC_REQUIRE([] {
        const auto set = zk().rollingUpdate(2);
        const ClaimTemplate& claim = set.claim_templates().front();
        return set.replica_count() == 3 && set.service_name() == "zk-hs" &&
               set.claim_templates().size() == 1 && claim.name == "datadir" &&
               claim.terms.size == "10Gi" &&
               claim.annotations.contains("volume.beta.kubernetes.io/storage-class") &&
               set.pod_management_policy() == PodManagementPolicy::OrderedReady &&
               set.update_strategy() == UpdateStrategy::RollingUpdate && set.partition() == 2 &&
               set.pod().restart_policy == RestartPolicy::Always;
    }());
    STATIC_REQUIRE([] {
        const auto set =
            statefulSet("cache").rollingUpdate(1).updateStrategy(UpdateStrategy::OnDelete);
        return set.update_strategy() == UpdateStrategy::OnDelete && !set.partition() &&
               !set.pod_management_policy() && set.service_name().empty();
    }());
}

TEST_CASE("Jobs and CronJobs restart OnFailure or Never, Never by default", "[workload_kinds]") {
    STATIC_REQUIRE(job("j").pod().restart_policy == RestartPolicy::Never);
    STATIC_REQUIRE(cronJob("c").pod().restart_policy == RestartPolicy::Never);
    STATIC_REQUIRE(migrate().pod().restart_policy == RestartPolicy::OnFailure);
    STATIC_REQUIRE(deployment("d").pod().restart_policy == RestartPolicy::Always);
    STATIC_REQUIRE([] {
        const JobSettings settings = migrate().job_settings();
        return settings.completions == 3 && settings.parallelism == 2 &&
               settings.backoff_limit == 4 && settings.active_deadline_seconds == 600 &&
               settings.ttl_seconds_after_finished == 100;
    }());
    STATIC_REQUIRE(!job("j").job_settings().completions);
}

TEST_CASE("cron schedules: five fields or a descriptor", "[workload_kinds]") {
    STATIC_REQUIRE(is_cron_schedule("*/5 * * * *"));
    STATIC_REQUIRE(is_cron_schedule("0 3 * * mon-fri"));
    STATIC_REQUIRE(is_cron_schedule("0 0 1,15 JAN-Jun ?"));
    STATIC_REQUIRE(is_cron_schedule("15 9-17/2 * * 0"));
    STATIC_REQUIRE(is_cron_schedule("59  23\t31 12 6"));
    STATIC_REQUIRE(is_cron_schedule("@yearly"));
    STATIC_REQUIRE(is_cron_schedule("@hourly"));
    STATIC_REQUIRE_FALSE(is_cron_schedule(""));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("0 * * * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("60 * * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* 24 * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* * 0 * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* * * 13 *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* * * * 7"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("5-1 * * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("*/0 * * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("1,,2 * * * *"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("* * * * monday"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("@fortnightly"));
    STATIC_REQUIRE_FALSE(is_cron_schedule("@daily "));
}

TEST_CASE("time zones are IANA names", "[workload_kinds]") {
    STATIC_REQUIRE(is_time_zone_name("Etc/UTC"));
    STATIC_REQUIRE(is_time_zone_name("America/Argentina/Buenos_Aires"));
    STATIC_REQUIRE(is_time_zone_name("Etc/GMT+3"));
    STATIC_REQUIRE_FALSE(is_time_zone_name(""));
    STATIC_REQUIRE_FALSE(is_time_zone_name("Europe/ Paris"));
    STATIC_REQUIRE_FALSE(is_time_zone_name("/etc/localtime"));
    STATIC_REQUIRE_FALSE(is_time_zone_name("Europe//Paris"));
    STATIC_REQUIRE_FALSE(is_time_zone_name("TZ=Europe/Paris"));
}

TEST_CASE("a StatefulSet is governed by a headless Service that selects its pods",
          "[workload_kinds][rules]") {
    STATIC_REQUIRE(rules_broken_by(stateful_ok()).empty());
    STATIC_REQUIRE(rules_broken_by(governing_service_missing()) ==
                   Rules{StackRule::stateful_set_service_missing});
    STATIC_REQUIRE(
        rules_broken_by(governing_service_in_other_namespace()) ==
        Rules{StackRule::service_selects_no_pod, StackRule::stateful_set_service_missing});
    STATIC_REQUIRE(rules_broken_by(governing_service_not_headless()) ==
                   Rules{StackRule::stateful_set_service_not_headless});
    STATIC_REQUIRE(rules_broken_by(governing_service_selects_others()) ==
                   Rules{StackRule::stateful_set_service_misses_pods});
    CHECK_THAT(
        violation_messages(governing_service_missing()),
        Catch::Contains(
            R"(StatefulSet "zk" is governed by Service "zk-hs" (its serviceName), which namespace "default" does not have)"));
    CHECK_THAT(
        violation_messages(governing_service_not_headless()),
        Catch::Contains(
            R"(StatefulSet "zk" is governed by Service "zk-hs", which is not headless: call headless() on it)"));
    CHECK_THAT(
        violation_messages(governing_service_selects_others()),
        Catch::Contains(
            R"(StatefulSet "zk" is governed by Service "zk-hs", which does not select its pods (app=zk): it selects app=zoo)"));
}

TEST_CASE("claim templates are mounted by name, and mounts name a volume or a claim template",
          "[workload_kinds][rules]") {
    STATIC_REQUIRE(rules_broken_by(claim_template_unmounted()) ==
                   Rules{StackRule::claim_template_not_mounted});
    STATIC_REQUIRE(rules_broken_by(mount_of_unknown_claim_template()) ==
                   Rules{StackRule::volume_not_defined});
    STATIC_REQUIRE(rules_broken_by(claim_template_mounted_by_sidecar()).empty());
    CHECK_THAT(
        violation_messages(claim_template_unmounted()),
        Catch::Contains(
            R"(StatefulSet "zk" has claim template "datalog", which none of its containers mounts: add mount("datalog", <path>))"));
    CHECK_THAT(
        violation_messages(mount_of_unknown_claim_template()),
        Catch::Contains(
            R"(StatefulSet "zk" mounts volume "data-log" at /log, which its pod does not define)"));
}

TEST_CASE("Job and CronJob pods follow the pod rules of every workload",
          "[workload_kinds][rules]") {
    STATIC_REQUIRE(rules_broken_by(job_pods_break_pod_rules()) ==
                   Rules{StackRule::service_account_missing, StackRule::config_missing,
                         StackRule::volume_not_defined});
    STATIC_REQUIRE(rules_broken_by(cron_job_pods_break_pod_rules()) ==
                   Rules{StackRule::duplicate_container, StackRule::config_key_missing});
    STATIC_REQUIRE(rules_broken_by(job_pods_ok()).empty());
    STATIC_REQUIRE(rules_broken_by(service_selects_job_pods()).empty());
    CHECK_THAT(violation_messages(job_pods_break_pod_rules()),
               Catch::Contains(
                   R"(Job "migrate" reads Secret "db", which namespace "default" does not have)"));
    CHECK_THAT(violation_messages(cron_job_pods_break_pod_rules()),
               Catch::Contains(R"(CronJob "backup" has two containers named "backup")"));
}

TEST_CASE("a CronJob has a schedule", "[workload_kinds][rules]") {
    STATIC_REQUIRE(rules_broken_by(cron_job_without_schedule()) ==
                   Rules{StackRule::cron_job_schedule_missing});
    CHECK_THAT(violation_messages(cron_job_without_schedule()),
               Catch::Contains(R"(CronJob "backup" has no schedule)"));
}

TEST_CASE("the target version serves each kind's apiVersion", "[workload_kinds][rules]") {
    STATIC_REQUIRE(rules_broken_by(cron_job_v1beta1_on("1.24")).empty());
    STATIC_REQUIRE(rules_broken_by(cron_job_v1beta1_on("1.8")).empty());
    STATIC_REQUIRE(rules_broken_by(cron_job_v1beta1_on("1.25")) ==
                   Rules{StackRule::api_version_not_served});
    STATIC_REQUIRE(rules_broken_by(cron_job_v1beta1_on("1.7")) ==
                   Rules{StackRule::api_version_not_served});
    STATIC_REQUIRE(rules_broken_by(cron_job_v1_on("1.21")).empty());
    STATIC_REQUIRE(rules_broken_by(cron_job_v1_on("1.20")) ==
                   Rules{StackRule::api_version_not_served});
    STATIC_REQUIRE(rules_broken_by(stateful_set_on("1.9")).empty());
    STATIC_REQUIRE(rules_broken_by(stateful_set_on("1.8")) ==
                   Rules{StackRule::api_version_not_served});
    STATIC_REQUIRE(rules_broken_by(cron_job_time_zone_on("1.25")).empty());
    STATIC_REQUIRE(rules_broken_by(cron_job_time_zone_on("1.24")) ==
                   Rules{StackRule::cron_job_time_zone_not_served});
    CHECK_THAT(
        violation_messages(cron_job_time_zone_on("1.24")),
        Catch::Contains(
            R"(CronJob "backup" sets timeZone Europe/Paris, which Kubernetes 1.24 ignores (served from 1.25))"));
    CHECK_THAT(
        violation_messages(cron_job_v1beta1_on("1.25")),
        Catch::Contains(
            R"(CronJob "backup" is written as batch/v1beta1, which Kubernetes 1.25 does not serve (served from 1.8 to 1.24))"));
}

TEST_CASE("a StatefulSet's YAML: selector, serviceName, policies, claim templates",
          "[workload_kinds][render]") {
    const YAML::Node set = document_of("StatefulSet");
    CHECK(set["apiVersion"].as<std::string>() == "apps/v1");
    const YAML::Node spec = set["spec"];
    CHECK(spec["replicas"].as<int>() == 3);
    CHECK(spec["serviceName"].as<std::string>() == "zk-hs");
    CHECK(spec["selector"]["matchLabels"]["app"].as<std::string>() == "zk");
    CHECK(spec["podManagementPolicy"].as<std::string>() == "OrderedReady");
    CHECK(spec["updateStrategy"]["type"].as<std::string>() == "RollingUpdate");
    CHECK_FALSE(spec["updateStrategy"]["rollingUpdate"]);
    CHECK(spec["template"]["metadata"]["labels"]["app"].as<std::string>() == "zk");
    const YAML::Node mount = spec["template"]["spec"]["containers"][0]["volumeMounts"][0];
    CHECK(mount["name"].as<std::string>() == "datadir");
    CHECK(mount["mountPath"].as<std::string>() == "/var/lib/zookeeper");
    // The claim template is no pod volume: the controller makes one claim per pod.
    CHECK_FALSE(spec["template"]["spec"]["volumes"]);
    REQUIRE(spec["volumeClaimTemplates"].size() == 1);
    const YAML::Node claim = spec["volumeClaimTemplates"][0];
    CHECK(claim["metadata"]["name"].as<std::string>() == "datadir");
    CHECK_FALSE(claim["metadata"]["namespace"]);
    CHECK(claim["metadata"]["annotations"]["volume.beta.kubernetes.io/storage-class"]
              .as<std::string>() == "fast");
    CHECK(claim["spec"]["accessModes"][0].as<std::string>() == "ReadWriteOnce");
    CHECK(claim["spec"]["resources"]["requests"]["storage"].as<std::string>() == "10Gi");

    Stack partitioned;
    partitioned.apply(zk().podManagementPolicy(PodManagementPolicy::Parallel).rollingUpdate(1));
    const YAML::Node other = YAML::Load(render_documents(partitioned).front().yaml)["spec"];
    CHECK(other["podManagementPolicy"].as<std::string>() == "Parallel");
    CHECK(other["updateStrategy"]["rollingUpdate"]["partition"].as<int>() == 1);
    Stack plain;
    plain.apply(statefulSet("cache").updateStrategy(UpdateStrategy::OnDelete));
    const YAML::Node cache = YAML::Load(render_documents(plain).front().yaml)["spec"];
    CHECK(cache["updateStrategy"]["type"].as<std::string>() == "OnDelete");
    CHECK_FALSE(cache["serviceName"]);
    CHECK_FALSE(cache["podManagementPolicy"]);
    CHECK_FALSE(cache["volumeClaimTemplates"]);
}

TEST_CASE("a Job's YAML: its settings, its restart policy, no selector",
          "[workload_kinds][render]") {
    const YAML::Node migration = document_of("Job");
    CHECK(migration["apiVersion"].as<std::string>() == "batch/v1");
    const YAML::Node spec = migration["spec"];
    CHECK(spec["completions"].as<int>() == 3);
    CHECK(spec["parallelism"].as<int>() == 2);
    CHECK(spec["backoffLimit"].as<int>() == 4);
    CHECK(spec["activeDeadlineSeconds"].as<int>() == 600);
    CHECK(spec["ttlSecondsAfterFinished"].as<int>() == 100);
    CHECK_FALSE(spec["selector"]);
    CHECK(spec["template"]["metadata"]["labels"]["app"].as<std::string>() == "migrate");
    CHECK(spec["template"]["spec"]["restartPolicy"].as<std::string>() == "OnFailure");

    Stack plain;
    plain.apply(job("once").image("once:1"));
    const YAML::Node once = YAML::Load(render_documents(plain).front().yaml)["spec"];
    CHECK(once["template"]["spec"]["restartPolicy"].as<std::string>() == "Never");
    CHECK_FALSE(once["completions"]);
    CHECK_FALSE(once["backoffLimit"]);
}

TEST_CASE("a CronJob's YAML: schedule, its settings, and a job template",
          "[workload_kinds][render]") {
    const YAML::Node cron = document_of("CronJob");
    CHECK(cron["apiVersion"].as<std::string>() == "batch/v1");
    const YAML::Node spec = cron["spec"];
    CHECK(spec["schedule"].as<std::string>() == "0 3 * * mon-fri");
    CHECK(spec["timeZone"].as<std::string>() == "Europe/Paris");
    CHECK(spec["concurrencyPolicy"].as<std::string>() == "Forbid");
    CHECK(spec["suspend"].as<bool>());
    CHECK(spec["successfulJobsHistoryLimit"].as<int>() == 3);
    CHECK(spec["failedJobsHistoryLimit"].as<int>() == 1);
    CHECK(spec["startingDeadlineSeconds"].as<int>() == 300);
    const YAML::Node job_spec = spec["jobTemplate"]["spec"];
    CHECK(job_spec["backoffLimit"].as<int>() == 2);
    CHECK_FALSE(job_spec["selector"]);
    CHECK(job_spec["template"]["spec"]["restartPolicy"].as<std::string>() == "Never");
    CHECK(job_spec["template"]["spec"]["containers"][0]["image"].as<std::string>() == "backup:1");

    Stack legacy;
    legacy.targets("1.21").apply(
        cronJob("old").schedule("@daily").apiVersion(CronJobApi::batch_v1beta1));
    const Document old = render_documents(legacy).front();
    CHECK(old.api_version == "batch/v1beta1");
    CHECK(YAML::Load(old.yaml)["apiVersion"].as<std::string>() == "batch/v1beta1");
    CHECK(YAML::Load(old.yaml)["spec"]["schedule"].as<std::string>() == "@daily");
}

TEST_CASE("the new kinds go to their own files, with the workloads", "[workload_kinds][render]") {
    std::vector<std::string> files;
    for (const Document& d : render_documents(all_three()))
        files.push_back(d.kind + " " + d.file);
    CHECK(files == std::vector<std::string>{"StatefulSet zk.statefulset.yaml",
                                            "Job migrate.job.yaml", "CronJob backup.cronjob.yaml",
                                            "Service zk-hs.service.yaml"});
}

namespace {

// The StatefulSets of ../shared/realworld/zookeeper and cassandra, as far as the fields of
// the StatefulSet itself go (probes, commands and security contexts are the pod's).
constexpr Stack realworld_stateful_sets() {
    const auto zk = statefulSet("zk")
                        .withoutLabels()
                        .selector("app.kubernetes.io/name", "zk")
                        .serviceName("zk-hs")
                        .replicas(3)
                        .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
                        .updateStrategy(UpdateStrategy::RollingUpdate)
                        .podManagementPolicy(PodManagementPolicy::OrderedReady)
                        .port("server", 2888)
                        .mount("datadir", "/var/lib/zookeeper")
                        .claimTemplate(persistentVolumeClaim("datadir")
                                           .accessMode(AccessMode::ReadWriteOnce)
                                           .request("10Gi"));
    const auto cassandra =
        statefulSet("cassandra")
            .serviceName("cassandra")
            .replicas(3)
            .image("gcr.io/google-samples/cassandra:v14")
            .port("cql", 9042)
            .mount("cassandra-data", "/var/lib/cassandra")
            .claimTemplate(persistentVolumeClaim("cassandra-data")
                               .annotation("volume.beta.kubernetes.io/storage-class", "fast")
                               .accessMode(AccessMode::ReadWriteOnce)
                               .request("1Gi"));
    return stack().withoutNamespaces().apply(
        zk, service("zk-hs").headless().selects(zk).port("server", 2888), cassandra,
        service("cassandra").headless().selects(cassandra).port(9042));
}

} // namespace

TEST_CASE("the StatefulSets of the ZooKeeper and Cassandra examples can be written",
          "[workload_kinds][render]") {
    STATIC_REQUIRE(rules_broken_by(realworld_stateful_sets()).empty());
    const std::vector<Document> documents = render_documents(realworld_stateful_sets());
    const YAML::Node zk = YAML::Load(documents[0].yaml);
    CHECK_FALSE(zk["metadata"]["labels"]);
    CHECK_FALSE(zk["metadata"]["namespace"]);
    const YAML::Node spec = zk["spec"];
    CHECK(spec["selector"]["matchLabels"]["app.kubernetes.io/name"].as<std::string>() == "zk");
    CHECK(spec["template"]["metadata"]["labels"]["app.kubernetes.io/name"].as<std::string>() ==
          "zk");
    CHECK(spec["serviceName"].as<std::string>() == "zk-hs");
    CHECK(spec["replicas"].as<int>() == 3);
    CHECK(spec["updateStrategy"]["type"].as<std::string>() == "RollingUpdate");
    CHECK(spec["podManagementPolicy"].as<std::string>() == "OrderedReady");
    CHECK(spec["volumeClaimTemplates"][0]["spec"]["resources"]["requests"]["storage"]
              .as<std::string>() == "10Gi");
    const YAML::Node cassandra = YAML::Load(documents[1].yaml);
    CHECK(cassandra["metadata"]["labels"]["app"].as<std::string>() == "cassandra");
    CHECK(cassandra["spec"]["volumeClaimTemplates"][0]["metadata"]["annotations"]
                   ["volume.beta.kubernetes.io/storage-class"]
                       .as<std::string>() == "fast");
    const YAML::Node headless = YAML::Load(documents[3].yaml);
    CHECK(headless["spec"]["clusterIP"].as<std::string>() == "None");
    CHECK(headless["spec"]["selector"]["app"].as<std::string>() == "cassandra");
}
