// The policy checks (policy.hpp, policy_rules.hpp): for each check, a stack that breaks it,
// a near miss that keeps it, and the broken stack with a waiver, which passes; stale
// waivers; and the hardened profile. The checks are constexpr; here they run at run time,
// so that a failure shows the messages.
#include <catch2/catch.hpp>
#include <kubestack.hpp>
#include <kubestack/manifests.hpp>
#include <string>
#include <vector>

using namespace kubestack;

namespace {

std::vector<std::string> messages(const Stack& stack) {
    std::vector<std::string> found;
    for (const Violation& violation : check_stack(stack))
        found.emplace_back(std::string_view(violation.message));
    return found;
}

// A Deployment that keeps every check: pinned, pulled Always, sized, probed, hardened.
constexpr Deployment compliant(Image image = "nginx:1.27") {
    return deployment("web")
        .image(image)
        .imagePullPolicy(ImagePullPolicy::Always)
        .port("http", 80)
        .cpu("1")
        .cpuRequest("500m")
        .memory("1Gi")
        .memoryRequest("512Mi")
        .readinessProbe(httpGet("/", 80))
        .hardened();
}

// The workload with its Service and a NetworkPolicy, under the recommended set.
template <class Workload, class... More>
Stack checked(const Workload& web, const More&... more) {
    return stack()
        .policy(policies::recommended)
        .apply(web, service(web), networkPolicy("web").selects(web).denyIngress(), more...);
}

// The one message a stack breaks, or every message.
std::string only_message(const Stack& stack) {
    const std::vector<std::string> found = messages(stack);
    return found.size() == 1 ? found.front() : "(" + std::to_string(found.size()) + " messages)";
}

} // namespace

TEST_CASE("a compliant workload passes the recommended set", "[policy]") {
    CHECK(messages(checked(compliant())).empty());
}

TEST_CASE("each check: broken, near miss, waived", "[policy]") {
    struct Case {
        const char* check;
        Stack broken, near_miss, waived;
    };
    const auto cases = std::vector<Case>{
        {"kube-score/container-resources",
         checked(deployment("web")
                     .image("nginx:1.27")
                     .imagePullPolicy(ImagePullPolicy::Always)
                     .port("http", 80)
                     .readinessProbe(httpGet("/", 80))
                     .hardened()),
         checked(compliant()),
         checked(deployment("web")
                     .image("nginx:1.27")
                     .imagePullPolicy(ImagePullPolicy::Always)
                     .port("http", 80)
                     .readinessProbe(httpGet("/", 80))
                     .hardened()
                     .waive("kube-score/container-resources", "sized by a LimitRange"))},
        {"kube-linter/latest-tag", checked(compliant("nginx:latest")),
         checked(compliant("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef")),
         checked(compliant("nginx:latest").waive("kube-linter/latest-tag", "a demo"))},
        {"kube-score/container-image-pull-policy",
         checked(compliant().imagePullPolicy(ImagePullPolicy::IfNotPresent)), checked(compliant()),
         checked(compliant()
                     .imagePullPolicy(ImagePullPolicy::IfNotPresent)
                     .waive("kube-score/container-image-pull-policy", "air-gapped nodes"))},
        {"kube-score/pod-probes",
         checked(deployment("web")
                     .image("nginx:1.27")
                     .imagePullPolicy(ImagePullPolicy::Always)
                     .port("http", 80)
                     .cpu("1")
                     .cpuRequest("500m")
                     .memory("1Gi")
                     .memoryRequest("512Mi")
                     .hardened()),
         checked(compliant()),
         checked(deployment("web")
                     .image("nginx:1.27")
                     .imagePullPolicy(ImagePullPolicy::Always)
                     .port("http", 80)
                     .cpu("1")
                     .cpuRequest("500m")
                     .memory("1Gi")
                     .memoryRequest("512Mi")
                     .hardened()
                     .waive("kube-score/pod-probes", "needs a live test"))},
        {"polaris/privilegeEscalationAllowed",
         checked(compliant().securityContext(ContainerSecurity().allowPrivilegeEscalation(true))),
         checked(compliant().securityContext(ContainerSecurity().readOnlyRootFilesystem())),
         checked(compliant()
                     .securityContext(ContainerSecurity().allowPrivilegeEscalation(true))
                     .waive("polaris/privilegeEscalationAllowed", "runs setuid tools"))},
        // A privileged container may escalate (the profile leaves it so, as the API server
        // demands): the broken case waives that, to break one check.
        {"kube-linter/privileged-container",
         checked(compliant()
                     .securityContext(ContainerSecurity().privileged(true))
                     .waive("polaris/privilegeEscalationAllowed", "privileged")),
         checked(compliant().securityContext(ContainerSecurity().privileged(false))),
         checked(
             compliant()
                 .securityContext(ContainerSecurity().privileged(true))
                 .waive({"kube-linter/privileged-container", "polaris/privilegeEscalationAllowed"},
                        "loads a kernel module"))},
        {"kube-linter/run-as-non-root",
         checked(compliant().podSecurityContext(PodSecurity().runAsUser(0))),
         checked(compliant().podSecurityContext(PodSecurity().runAsUser(1000))),
         checked(compliant()
                     .podSecurityContext(PodSecurity().runAsUser(0))
                     .waive("kube-linter/run-as-non-root", "the image needs root"))},
        {"kube-linter/no-read-only-root-fs",
         checked(compliant().securityContext(ContainerSecurity().readOnlyRootFilesystem(false))),
         checked(compliant().writablePath("cache", "/var/cache/nginx")),
         checked(compliant()
                     .securityContext(ContainerSecurity().readOnlyRootFilesystem(false))
                     .waive("kube-linter/no-read-only-root-fs", "needs a live test"))},
        {"polaris/insecureCapabilities",
         checked(compliant().securityContext(ContainerSecurity().dropCapabilities({"NET_RAW"}))),
         checked(compliant().securityContext(ContainerSecurity().dropCapabilities({"ALL"}))),
         checked(compliant()
                     .securityContext(ContainerSecurity().dropCapabilities({"NET_RAW"}))
                     .waive("polaris/insecureCapabilities", "keeps CHOWN"))},
        {"polaris/dangerousCapabilities",
         checked(compliant().securityContext(ContainerSecurity().addCapabilities({"SYS_ADMIN"}))),
         checked(compliant().securityContext(
             ContainerSecurity().addCapabilities({"NET_BIND_SERVICE"}))),
         checked(compliant()
                     .securityContext(ContainerSecurity().addCapabilities({"SYS_ADMIN"}))
                     .waive("polaris/dangerousCapabilities", "mounts filesystems"))},
        {"kube-score/container-seccomp-profile",
         checked(compliant().podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined))),
         checked(compliant()),
         checked(compliant()
                     .podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined))
                     .waive("kube-score/container-seccomp-profile", "traces syscalls"))},
        {"kube-linter/host-network", checked(compliant().hostNetwork()), checked(compliant()),
         checked(compliant().hostNetwork().waive("kube-linter/host-network", "a node agent"))},
        {"kube-linter/host-pid", checked(compliant().hostPID()), checked(compliant()),
         checked(compliant().hostPID().waive("kube-linter/host-pid", "a node agent"))},
        {"kube-linter/host-ipc", checked(compliant().hostIPC()), checked(compliant()),
         checked(compliant().hostIPC().waive("kube-linter/host-ipc", "a node agent"))},
        {"kube-linter/sensitive-host-mounts",
         checked(compliant().mount(hostPath("rootfs", "/"), "/rootfs", Access::ReadOnly)),
         checked(compliant().mount(hostPath("logs", "/var/log"), "/logs", Access::ReadOnly)),
         checked(compliant()
                     .mount(hostPath("rootfs", "/"), "/rootfs", Access::ReadOnly)
                     .waive("kube-linter/sensitive-host-mounts", "reads the node's disks"))},
        {"kube-linter/docker-sock",
         checked(compliant().mount(hostPath("docker", "/var/run/docker.sock"), "/docker.sock")),
         checked(compliant().mount(hostPath("logs", "/var/log"), "/logs", Access::ReadOnly)),
         checked(compliant()
                     .mount(hostPath("docker", "/var/run/docker.sock"), "/docker.sock")
                     .waive("kube-linter/docker-sock", "lists containers"))},
        {"polaris/automountServiceAccountToken",
         checked(compliant().automountServiceAccountToken(true)), checked(compliant()),
         checked(compliant().automountServiceAccountToken(true).waive(
             "polaris/automountServiceAccountToken", "calls the API"))},
        {"kube-score/deployment-has-poddisruptionbudget", checked(compliant().replicas(2)),
         checked(compliant().replicas(2),
                 podDisruptionBudget("web").selects(compliant()).minAvailable(1)),
         checked(compliant().replicas(2).waive("kube-score/deployment-has-poddisruptionbudget",
                                               "a cache; losing it costs nothing"))},
        {"kube-score/pod-networkpolicy", stack().policy(policies::recommended).apply(compliant()),
         stack()
             .policy(policies::recommended)
             .apply(compliant(), networkPolicy("all").denyIngress()),
         stack()
             .policy(policies::recommended)
             .apply(compliant().waive("kube-score/pod-networkpolicy", "the mesh isolates it"))},
        {"kube-linter/wildcard-in-rules",
         checked(compliant(),
                 clusterRole("everything")
                     .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"*"}})),
         checked(compliant(),
                 clusterRole("reader").rule(
                     {.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get", "list"}})),
         checked(compliant(), clusterRole("everything")
                                  .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"*"}})
                                  .waive("kube-linter/wildcard-in-rules", "an operator's role"))},
        {"kube-linter/cluster-admin-role-binding",
         checked(compliant(), clusterRoleBinding("admins").role(
                                  clusterRole("cluster-admin").createdElsewhere())),
         checked(compliant(),
                 clusterRoleBinding("viewers").role(clusterRole("view").createdElsewhere())),
         checked(compliant(), clusterRoleBinding("admins")
                                  .role(clusterRole("cluster-admin").createdElsewhere())
                                  .waive("kube-linter/cluster-admin-role-binding", "a CI runner"))},
    };
    // Every check of the list has its case.
    CHECK(cases.size() + 1 == policy_check_count); // + the StatefulSet's budget, below
    for (const Case& c : cases) {
        INFO(c.check);
        const std::string message = only_message(c.broken);
        CHECK(message.starts_with(std::string(c.check) + ": "));
        CHECK(messages(c.near_miss).empty());
        CHECK(messages(c.waived).empty());
    }
}

TEST_CASE("a replicated StatefulSet has a disruption budget", "[policy]") {
    const auto db = statefulSet("db")
                        .image("postgres:16.4")
                        .imagePullPolicy(ImagePullPolicy::Always)
                        .cpu("1")
                        .cpuRequest("1")
                        .memory("1Gi")
                        .memoryRequest("1Gi")
                        .port("pg", 5432)
                        .readinessProbe(tcpSocket("pg"))
                        .hardened()
                        .replicas(3);
    const auto governing = service("db").selects(db).headless().port("pg", 5432, "pg");
    const auto isolated = networkPolicy("db").selects(db).denyIngress();
    CHECK(only_message(stack().policy(policies::recommended).apply(db, governing, isolated)) ==
          "kube-score/statefulset-has-poddisruptionbudget: StatefulSet \"db\" runs 3 replicas, "
          "and no PodDisruptionBudget selects its pods; the check asks that a StatefulSet of "
          "more than one replica has a PodDisruptionBudget: fix it, or "
          ".waive(\"kube-score/statefulset-has-poddisruptionbudget\", \"why\")");
    CHECK(messages(stack()
                       .policy(policies::recommended)
                       .apply(db, governing, isolated,
                              podDisruptionBudget("db").selects(db).maxUnavailable(1)))
              .empty());
}

TEST_CASE("a waiver that waives nothing is an error", "[policy]") {
    CHECK(only_message(checked(compliant().waive("kube-linter/latest-tag", "pinned later"))) ==
          R"(Deployment "web" waives kube-linter/latest-tag, which it does not break: remove )"
          R"(the waiver)");
    // Without the check in the stack's set, the waiver waives nothing either.
    CHECK(
        only_message(stack()
                         .policy(policies::recommended.without("kube-linter/latest-tag"))
                         .apply(compliant("nginx:latest").waive("kube-linter/latest-tag", "a demo"),
                                networkPolicy("all").denyIngress())) ==
        R"(Deployment "web" waives kube-linter/latest-tag, which the stack's policy does not )"
        R"(select: remove the waiver)");
    // A stack with no policy checks nothing, and so accepts no waiver.
    CHECK(messages(stack().apply(compliant("nginx:latest"))).empty());
    CHECK(messages(stack().apply(compliant().waive("kube-linter/latest-tag", "x"))).size() == 1);
}

TEST_CASE("one readiness probe serves the pod; an autoscaler may replicate it", "[policy]") {
    // A sidecar without a probe, beside a probed main container: kube-score asks one per pod.
    CHECK(messages(checked(compliant().container(Container("logs")
                                                     .image("busybox:1.36")
                                                     .imagePullPolicy(ImagePullPolicy::Always)
                                                     .cpu("100m")
                                                     .cpuRequest("100m")
                                                     .memory("64Mi")
                                                     .memoryRequest("64Mi"))))
              .empty());
    // One replica, but an autoscaler may run three: a budget is asked for.
    const auto web = compliant();
    CHECK(only_message(checked(web, horizontalPodAutoscaler(web).minReplicas(1).maxReplicas(3)))
              .starts_with("kube-score/deployment-has-poddisruptionbudget: Deployment \"web\" "
                           "scales up to 3 replicas, and no PodDisruptionBudget selects its pods"));
    CHECK(messages(checked(web, horizontalPodAutoscaler(web).minReplicas(1).maxReplicas(3),
                           podDisruptionBudget("web").selects(web).maxUnavailable(1)))
              .empty());
    CHECK(
        messages(checked(web, horizontalPodAutoscaler(web).minReplicas(1).maxReplicas(1))).empty());
}

TEST_CASE("seccompProfile needs a target that serves it", "[policy]") {
    const auto web = deployment("web").image("web:1");
    CHECK(messages(stack().targets("1.19").apply(Deployment(web).hardened())).empty());
    CHECK(messages(stack().targets("1.18").apply(web)).empty());
    CHECK(only_message(stack().targets("1.18").apply(Deployment(web).hardened())) ==
          "Deployment \"web\" sets a seccompProfile (or is hardened()), which Kubernetes 1.18 "
          "does not serve (a field from 1.19): target 1.19 or later, or leave it out");
}

TEST_CASE("a second waiver of a check is stale", "[policy]") {
    CHECK(only_message(checked(compliant("nginx:latest"))
                           .waive("kube-linter/latest-tag", "demos")
                           .waive("kube-linter/latest-tag", "still demos")) ==
          R"(the stack waives kube-linter/latest-tag ("still demos"), which an earlier waiver )"
          R"(of the stack waives: remove the waiver)");
    CHECK(only_message(checked(compliant("nginx:latest")
                                   .waive("kube-linter/latest-tag", "a demo")
                                   .waive("kube-linter/latest-tag", "still a demo"))) ==
          R"(Deployment "web" waives kube-linter/latest-tag, which an earlier waiver of it )"
          R"(waives: remove the waiver)");
}

TEST_CASE("a container's own seccomp profile wins over its pod's", "[policy]") {
    CHECK(only_message(checked(compliant().securityContext(
              ContainerSecurity().seccompProfile(Seccomp::Unconfined)))) ==
          "kube-score/container-seccomp-profile: Deployment \"web\" container \"web\" runs "
          "Unconfined; the check asks that the pod or each container sets a seccomp profile "
          "(RuntimeDefault): fix it, or .waive(\"kube-score/container-seccomp-profile\", "
          "\"why\")");
    CHECK(messages(checked(compliant().securityContext(
                       ContainerSecurity().seccompProfile(Seccomp::RuntimeDefault))))
              .empty());
}

TEST_CASE("a stack's waiver covers every object, and must waive something", "[policy]") {
    const auto web = compliant();
    const auto open_network = [] {
        return stack()
            .policy(policies::recommended)
            .waive("kube-score/pod-networkpolicy", "a flat network, by design");
    };
    CHECK(messages(open_network().apply(web, service(web))).empty());
    CHECK(only_message(stack().policy(policies::recommended).apply(web, service(web)))
              .starts_with("kube-score/pod-networkpolicy: Deployment \"web\" has pods"));
    // A waiver given before the policy is kept.
    CHECK(messages(stack()
                       .waive("kube-score/pod-networkpolicy", "a flat network, by design")
                       .policy(policies::recommended)
                       .apply(web, service(web)))
              .empty());
    // A check no object breaks, or one an object waives itself, leaves the stack's stale.
    CHECK(only_message(checked(web).waive("kube-linter/latest-tag", "pinned later")) ==
          R"(the stack waives kube-linter/latest-tag ("pinned later"), which no object )"
          R"(breaks, or waives itself: remove the waiver)");
    CHECK(only_message(checked(compliant("nginx:latest").waive("kube-linter/latest-tag", "a demo"))
                           .waive("kube-linter/latest-tag", "demos")) ==
          R"(the stack waives kube-linter/latest-tag ("demos"), which no object breaks, or )"
          R"(waives itself: remove the waiver)");
    CHECK(only_message(stack()
                           .policy(policies::recommended.without("kube-linter/latest-tag"))
                           .waive("kube-linter/latest-tag", "demos")
                           .apply(compliant("nginx:latest"), networkPolicy("all").denyIngress()))
              .ends_with("which the stack's policy does not select: remove the waiver"));
    CHECK(only_message(stack().waive("kube-linter/latest-tag", "demos").apply(web)) ==
          "the stack waives a policy check, but selects no policy: remove the waiver, or select "
          "one with stack().policy(policies::recommended)");
}

TEST_CASE("Stack::hardened() hardens every workload, applied before or after", "[policy]") {
    const auto before = deployment("before").image("web:1");
    const auto after = deployment("after").image("web:1");
    Stack hardened = stack().apply(before);
    hardened.hardened().apply(after, service(after));
    const auto& workloads = hardened.all<Deployment>();
    REQUIRE(workloads.size() == 2);
    CHECK(workloads[0].pod().hardened);
    CHECK(workloads[1].pod().hardened);
    const Stack plain = stack().apply(before);
    CHECK(!plain.all<Deployment>()[0].pod().hardened);
}

TEST_CASE("the hardened profile mounts a token only for an account that a binding grants a role",
          "[policy]") {
    const auto account = serviceAccount("web");
    const auto reader = clusterRole("reader").rule(
        {.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get", "list"}});
    const Deployment web = compliant().serviceAccount(account);
    const auto token_lines = [](const Stack& stack) {
        const std::string stream = render_stream(view_of(stack));
        std::size_t count = 0;
        for (std::size_t at = stream.find("automountServiceAccountToken: false");
             at != std::string::npos; at = stream.find("automountServiceAccountToken", at + 1))
            ++count;
        return count;
    };
    // No binding: the pod does not call the API, so it gets no token.
    const Stack unbound = checked(web, account);
    CHECK(messages(unbound).empty());
    CHECK(token_lines(unbound) == 1);
    // A ClusterRoleBinding or a RoleBinding grants the account a role: the token is mounted,
    // and the policy check asks for the reason.
    for (const Stack& bound :
         {checked(web, account, reader, clusterRoleBinding("reader").role(reader).subject(account)),
          checked(web, account, reader, roleBinding("reader").role(reader).subject(account))}) {
        CHECK(only_message(bound).starts_with(
            "polaris/automountServiceAccountToken: Deployment \"web\" mounts its service "
            "account's token"));
        CHECK(token_lines(bound) == 0);
    }
    CHECK(
        messages(
            checked(Deployment(web).waive("polaris/automountServiceAccountToken", "it lists pods"),
                    account, reader, clusterRoleBinding("reader").role(reader).subject(account)))
            .empty());
    // An account of another namespace with the same name is another account.
    const auto elsewhere = serviceAccount("web").inNamespace("tools");
    CHECK(token_lines(checked(web, account, elsewhere, reader,
                              clusterRoleBinding("reader").role(reader).subject(elsewhere))) == 1);
}

TEST_CASE("the hardened profile: what it sets, and what a workload adjusts", "[policy]") {
    const Deployment web = compliant();
    const PodTemplate& pod = web.pod();
    const ContainerSecurity main = pod.effective_security(pod.containers[0]);
    CHECK(main.allow_privilege_escalation() == false);
    CHECK(main.read_only_root_filesystem() == true);
    CHECK(main.dropped_capabilities().size() == 1);
    CHECK(pod.effective_security().non_root() == true);
    CHECK(pod.effective_security().seccomp() == Seccomp::RuntimeDefault);
    CHECK(!pod.effective_security().user()); // it never sets a UID
    CHECK(pod.token_mounted(false) == false);
    // A pod that runs as an account of its own that a binding grants a role keeps its
    // token; an explicit setting wins.
    const auto account = serviceAccount("web");
    CHECK(compliant().serviceAccount(account).pod().token_mounted(false) == false);
    CHECK(!compliant().serviceAccount(account).pod().token_mounted(true));
    CHECK(compliant().automountServiceAccountToken(true).pod().token_mounted(false) == true);
    const auto adjusted = compliant().securityContext(
        ContainerSecurity().readOnlyRootFilesystem(false).addCapabilities({"NET_BIND_SERVICE"}));
    const ContainerSecurity kept = adjusted.pod().effective_security(adjusted.pod().containers[0]);
    CHECK(kept.read_only_root_filesystem() == false);
    CHECK(kept.allow_privilege_escalation() == false);
    CHECK(kept.added_capabilities().size() == 1);
    CHECK(kept.dropped_capabilities().size() == 1);
}
