// The near misses and waived cases of tests/compile_fail/policies/ and of the waiver's value
// rules: a stack under the recommended policy set whose objects keep each check, or break it
// and waive it with a reason. The stack must compile and run.
#include <kubestack.hpp>

using namespace kubestack;

namespace {

constexpr Stack policy_near_misses() {
    // latest_tag: pinned; read_only_root_filesystem: writes to an emptyDir (writablePath), not
    // to its image; dangerous_capabilities: adds back NET_BIND_SERVICE, not listed, on top of
    // the ALL that hardened() drops (capabilities); readiness_probe: a Service selects it, and
    // it has a probe; deployment_disruption_budget: two replicas, and a budget.
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .port("http", 80)
                         .cpu("1")
                         .cpuRequest("500m")
                         .memory("1Gi")
                         .memoryRequest("512Mi")
                         .readinessProbe(httpGet("/", 80))
                         .hardened()
                         .writablePath("cache", "/var/cache/nginx")
                         .securityContext(ContainerSecurity().addCapabilities({"NET_BIND_SERVICE"}))
                         .replicas(2);
    // Without hardened(): every setting that the checks ask for, by hand. latest_tag: a
    // digest; readiness_probe: no probe, and no Service selects it; privileged:
    // privileged(false); run_as_non_root: a UID above 0; service_account_token: its own
    // account, and the token turned off; deployment_disruption_budget: one replica, no budget.
    const auto worker_account = serviceAccount("worker");
    const auto worker =
        deployment("worker")
            .image("example/worker@sha256:0123456789abcdef0123456789abcdef0123456789abcdef"
                   "0123456789abcdef")
            .imagePullPolicy(ImagePullPolicy::Always)
            .cpu("500m")
            .cpuRequest("250m")
            .memory("256Mi")
            .memoryRequest("256Mi")
            .podSecurityContext(
                PodSecurity().runAsUser(1000).seccompProfile(Seccomp::RuntimeDefault))
            .securityContext(ContainerSecurity()
                                 .allowPrivilegeEscalation(false)
                                 .privileged(false)
                                 .readOnlyRootFilesystem()
                                 .dropCapabilities({"ALL"}))
            .serviceAccount(worker_account)
            .automountServiceAccountToken(false);
    // stateful_set_disruption_budget: three replicas, and a budget; seccomp: the pod is
    // Unconfined, but its one container sets RuntimeDefault, which wins; service_account_token:
    // its own account, which no binding grants a role, so hardened() leaves the token out.
    const auto db_account = serviceAccount("db");
    const auto db =
        statefulSet("db")
            .image("postgres:16.4")
            .imagePullPolicy(ImagePullPolicy::Always)
            .port("pg", 5432)
            .cpu("1")
            .cpuRequest("1")
            .memory("1Gi")
            .memoryRequest("1Gi")
            .readinessProbe(tcpSocket("pg"))
            .hardened()
            .podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined))
            .securityContext(ContainerSecurity().seccompProfile(Seccomp::RuntimeDefault))
            .serviceAccount(db_account)
            .replicas(3);
    // A node agent that breaks checks on purpose, each waived with its reason; the value
    // rules' near misses: a listed check's name, and a reason. image_pull_policy: :latest is
    // pulled Always without a policy; sensitive_host_mounts: /var/log is not listed;
    // host_ipc: it shares the node's network and process IDs, not its IPC.
    const auto agent =
        daemonSet("agent")
            .image("example/agent:latest")
            .cpu("200m")
            .cpuRequest("100m")
            .memory("256Mi")
            .memoryRequest("128Mi")
            .hostNetwork()
            .hostPID()
            .mount(hostPath("rootfs", "/"), "/rootfs", Access::ReadOnly)
            .mount(hostPath("logs", "/var/log"), "/var/log", Access::ReadOnly)
            .mount(hostPath("docker", "/var/run/docker.sock"), "/var/run/docker.sock",
                   Access::ReadOnly)
            .hardened()
            .waive("kube-linter/latest-tag", "the vendor publishes :latest only")
            .waive({"kube-linter/host-network", "kube-linter/host-pid",
                    "kube-linter/sensitive-host-mounts"},
                   "reads the node's interfaces, processes and disks")
            .waive("kube-linter/docker-sock", "reads the containers' stats from docker");
    // A pod that calls the API: a binding grants its own account a role, so hardened() keeps
    // its token (waived). rbac_wildcard: its Role names verbs and resources, and its
    // ClusterRole's "*" is waived; cluster_admin_binding: a RoleBinding of the ClusterRole
    // view, and a ClusterRoleBinding of cluster-admin, waived.
    const auto operator_account = serviceAccount("operator");
    const auto pod_reader =
        role("pod-reader")
            .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get", "list", "watch"}});
    const auto widgets =
        clusterRole("widgets")
            .rule({.apiGroups = {"example.com"}, .resources = {"*"}, .verbs = {"*"}})
            .waive("kube-linter/wildcard-in-rules", "the operator owns the example.com group");
    const auto operator_ =
        deployment("operator")
            .image("example/operator:2.1")
            .imagePullPolicy(ImagePullPolicy::Always)
            .cpu("200m")
            .cpuRequest("100m")
            .memory("128Mi")
            .memoryRequest("128Mi")
            .serviceAccount(operator_account)
            .hardened()
            .waive("polaris/automountServiceAccountToken", "watches the pods through the API");
    const auto ci_runner = serviceAccount("ci-runner");
    // A Job in a namespace whose NetworkPolicies the stack does not write: the stack waives
    // network_policy for it (a stack-level waiver that is used). container_resources: its init
    // container is sized too; readiness_probe: a Job runs to completion.
    const auto batch = namespace_("batch");
    const auto report = job("report")
                            .inNamespace(batch)
                            .image("example/report:3.0")
                            .imagePullPolicy(ImagePullPolicy::Always)
                            .cpu("500m")
                            .cpuRequest("250m")
                            .memory("512Mi")
                            .memoryRequest("256Mi")
                            .initContainer(Container("wait")
                                               .image("busybox:1.36")
                                               .imagePullPolicy(ImagePullPolicy::Always)
                                               .cpu("100m")
                                               .cpuRequest("50m")
                                               .memory("32Mi")
                                               .memoryRequest("32Mi"))
                            .hardened();
    return stack()
        .policy(policies::recommended)
        .waive("kube-score/pod-networkpolicy", "the platform team isolates namespace batch")
        .apply(batch, worker_account, db_account, operator_account, ci_runner)
        .apply(pod_reader, widgets,
               roleBinding("pod-reader").role(pod_reader).subject(operator_account),
               clusterRoleBinding("widgets").role(widgets).subject(operator_account),
               roleBinding("operator-view")
                   .role(clusterRole("view").createdElsewhere())
                   .subject(operator_account),
               clusterRoleBinding("ci-runner")
                   .role(clusterRole("cluster-admin").createdElsewhere())
                   .subject(ci_runner)
                   .waive("kube-linter/cluster-admin-role-binding", "the CI runner installs CRDs"))
        .apply(web, service(web), podDisruptionBudget("web").selects(web).minAvailable(1), worker,
               db, service("db").selects(db).headless().port("pg", 5432, "pg"),
               podDisruptionBudget("db").selects(db).maxUnavailable(1), agent, operator_, report,
               networkPolicy("default-deny").denyIngress());
}

} // namespace

int main(int argc, char** argv) {
    return run<policy_near_misses>(argc, argv);
}
