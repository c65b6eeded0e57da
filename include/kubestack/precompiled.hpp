// What kubestack_add_stack() precompiles for a stack: the DSL, and the template
// instantiations that every stack needs, made once here instead of at every rebuild.
//
// Evaluating a sample stack that calls every builder and rule in a constant expression
// instantiates those templates inside the precompiled header; a stack's own translation
// unit then finds them done. This cuts about a sixth of a rebuild of stack/bernstein.cpp.
//
// The samples also take the paths that report: every policy check and several
// whole-stack rules broken, waivers that waive nothing. GCC instantiates a template that
// a path merely names at the end of each translation unit, not in the header, so a path
// that no sample takes costs every stack source that includes it, whether or not the
// stack breaks anything: an empty source compiled in 0.23 s with the first two samples,
// 0.16 s with all of them (the standard headers alone take 0.06 s).
#pragma once

#include <cstddef>
#include <kubestack.hpp>

namespace kubestack::detail::precompiled {

constexpr Stack every_builder() {
    const auto config = configMap("config")
                            .data("KEY", "value")
                            .data("FROM_ENV", environment("VAR").orDefault("x"));
    const auto credentials = secret("secret").data("KEY", "value");
    const auto volume = persistentVolume("volume")
                            .capacity("1Gi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual")
                            .hostPath("/volume");
    const auto claim = persistentVolumeClaim("volume").boundTo(volume);
    const auto account = serviceAccount("account");
    const auto role =
        clusterRole("role").rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    const auto app = deployment("app")
                         .image("app:1")
                         .replicas(1)
                         .restartPolicy(RestartPolicy::Always)
                         .memory("1M")
                         .memoryRequest("1M")
                         .cpu("1")
                         .cpuRequest("1")
                         .port("http", 80)
                         .env(config.key("KEY"))
                         .env("LITERAL", "x")
                         .env("FROM_ENV", environment("VAR").orDefault("y"))
                         .env("SECRET", credentials.key("KEY"))
                         .envFrom(config)
                         .envFrom(credentials)
                         .args({"--flag"})
                         .serviceAccount(account)
                         .antiAffinity()
                         .tolerateEveryTaint()
                         .label("tier", "front")
                         .mount(claim, "/data")
                         .mount(config, "/config")
                         .mount(credentials, "/secret")
                         .mount(hostPath("host", "/host"), "/host", Access::ReadOnly)
                         .volume(hostPath("shared", "/shared"))
                         .mount("shared", "/shared")
                         .container(container("sidecar").image("sidecar:1"))
                         .initContainer(container("init").image("init:1").command({"true"}))
                         .imagePullPolicy(ImagePullPolicy::Always)
                         .command({"app"})
                         .port(8080)
                         .env("POD_IP", fieldRef("status.podIP"))
                         .livenessProbe(httpGet("/", 80).initialDelaySeconds(1))
                         .readinessProbe(tcpSocket("http"))
                         .startupProbe(exec({"true"}))
                         .preStop(exec({"true"}))
                         .postStart(httpGet("/", "http"))
                         .securityContext(containerSecurity().readOnlyRootFilesystem())
                         .podSecurityContext(podSecurity().runAsUser(1))
                         .podAnnotation("note", "x")
                         .terminationGracePeriodSeconds(1)
                         .rollingUpdate({.maxSurge = 1});
    const auto agent = daemonSet("agent")
                           .image("agent:1")
                           .port("http", 80)
                           .restartPolicy(RestartPolicy::Always)
                           .tolerateEveryTaint()
                           .antiAffinity(false);
    const auto exposed = service(app).nodePort("http", 30000);
    return stack()
        .targets("1.21")
        .apply(namespace_("namespace"), account, role,
               clusterRoleBinding("binding").role(role).subject(account))
        .apply(config, credentials, volume, claim, app, agent, exposed, service(agent),
               ingress("ingress").classAnnotation("class").route("host.example.com", exposed));
}

// The kinds real-world stacks add: stateful sets and jobs, autoscalers, disruption
// budgets, network policies, storage classes, namespaced RBAC, headless Services.
constexpr Stack every_added_kind() {
    const auto web = deployment("web").image("web:1").port("http", 8080);
    const auto cache =
        statefulSet("cache")
            .image("cache:1")
            .serviceName("cache")
            .replicas(1)
            .port("client", 6379)
            .claimTemplate(
                persistentVolumeClaim("data").accessMode(AccessMode::ReadWriteOnce).request("1Gi"))
            .mount("data", "/data");
    const auto reader =
        role("reader").rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    const auto account = serviceAccount("web");
    return stack()
        .withoutNamespaces()
        .apply(account, reader, roleBinding("web").role(reader).subject(account),
               storageClass("fast", "k8s.io/minikube-hostpath"))
        .apply(web, cache, service(web).loadBalancer(),
               service("cache").selects(cache).headless().port("client", 6379),
               job("migrate").image("migrate:1"),
               cronJob("backup").image("backup:1").schedule("@daily"),
               horizontalPodAutoscaler(web).maxReplicas(3).cpuUtilization(70),
               podDisruptionBudget("web").selects(web).maxUnavailable(1),
               networkPolicy("web").selects(web).allowFrom({}, {networkPort("http")}));
}

// Workloads that break every policy check, whatever their kind.
inline constexpr auto break_every_check = [](auto workload) {
    return workload.image("app:latest")
        .port("http", 80)
        .hostNetwork()
        .hostPID()
        .hostIPC()
        .automountServiceAccountToken(true)
        .securityContext(ContainerSecurity()
                             .privileged(true)
                             .allowPrivilegeEscalation(true)
                             .runAsUser(0)
                             .readOnlyRootFilesystem(false)
                             .addCapabilities({"NET_ADMIN"}))
        .podSecurityContext(PodSecurity().seccompProfile(Seccomp::Unconfined))
        .mount(hostPath("docker", "/var/run/docker.sock"), "/var/run/docker.sock")
        .mount(hostPath("etc", "/etc"), "/host/etc", Access::ReadOnly);
};

constexpr Stack every_check_broken() {
    const auto web = break_every_check(deployment("web"))
                         .replicas(2)
                         .waive("kube-linter/latest-tag", "sample")
                         .waive("kube-linter/privileged-container", "sample");
    const auto db = break_every_check(statefulSet("db")).serviceName("db").replicas(3);
    const auto wildcard =
        role("editor").rule({.apiGroups = {"*"}, .resources = {"*"}, .verbs = {"*"}});
    const auto account = serviceAccount("deployer");
    const auto admin = clusterRole("cluster-admin").createdElsewhere();
    return stack()
        .policy(PolicySet::every_check())
        .waive("kube-score/pod-networkpolicy", "sample")
        .waive("kube-score/pod-probes", "sample")
        .apply(account, wildcard, roleBinding("editors").role(wildcard).subject(account),
               roleBinding("admins").role(admin).subject(account),
               clusterRoleBinding("admins").role(admin).subject(account))
        .apply(web, db, break_every_check(daemonSet("agent")), service(web),
               service("db").selects(db).headless().port("http", 80),
               break_every_check(job("job")).image("job:1"), // pulled IfNotPresent
               break_every_check(cronJob("cron")).schedule("@daily"));
}

// Whole-stack rules broken, and waivers that waive nothing, on objects of many kinds.
constexpr Stack every_rule_broken() {
    const auto stale = waiver({"kube-linter/latest-tag"}, "sample");
    const auto app = deployment("app")
                         .image("app:1")
                         .port("http", 80)
                         .waive(stale)
                         .env(configMap("missing").key("KEY"))
                         .envFrom(secret("missing"));
    return stack()
        .policy(policies::recommended)
        .apply(namespace_("other").waive(stale), serviceAccount("account").waive(stale),
               configMap("config").data("KEY", "value").waive(stale),
               persistentVolumeClaim("claim")
                   .accessMode(AccessMode::ReadWriteOnce)
                   .request("1Gi")
                   .waive(stale))
        .apply(app, service("app").selector("app", "ap").port("http", 80).waive(stale),
               service("app-port").selector("app", "app").port("http", 80, "htp"),
               ingress("app")
                   .route("app.example.com", service("missing").port("http", 80))
                   .waive(stale),
               horizontalPodAutoscaler(app).maxReplicas(3).cpuUtilization(70).waive(stale),
               podDisruptionBudget("app").selects(app).maxUnavailable(1).waive(stale),
               networkPolicy("app").selects(app).denyIngress().waive(stale),
               storageClass("fast", "k8s.io/minikube-hostpath").waive(stale),
               deployment("app").image("app:2").inNamespace("missing"));
}

constexpr Stack every_check_broken_hardened() {
    return every_check_broken().hardened();
}

inline constexpr std::size_t instantiated =
    check_stack(every_builder()).size() + stack_report(view_of(every_builder())).size() +
    check_stack(every_added_kind()).size() + stack_report(view_of(every_added_kind())).size();

// The paths that report, and what run<> and the parts evaluate besides the rules, for
// GCC, whose deferred instantiations they remove. Clang cannot evaluate them in the
// header: it has not instantiated the checker's member templates there yet.
#if defined(__GNUC__) && !defined(__clang__)
inline constexpr std::size_t reporting_instantiated =
    check_stack(every_check_broken()).size() + stack_report(view_of(every_check_broken())).size() +
    check_stack(every_check_broken_hardened()).size() + check_stack(every_rule_broken()).size() +
    stack_report(view_of(every_rule_broken())).size() +
    stack_report(view_of(every_rule_broken()), check_objects).size() +
    count_objects(every_check_broken()).size() + every_check_broken().size() +
    static_cast<std::size_t>(is_workload(kind_of<Deployment>)) +
    model_served_versions("v1", "ConfigMap").api_version.size();
#endif

} // namespace kubestack::detail::precompiled
