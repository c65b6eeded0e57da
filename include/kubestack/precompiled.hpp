// What kubestack_add_stack() precompiles for a stack: the DSL, and the template
// instantiations that every stack needs, made once here instead of at every rebuild.
//
// Evaluating a sample stack that calls every builder and rule in a constant expression
// instantiates those templates inside the precompiled header; a stack's own translation
// unit then finds them done. This cuts about a sixth of a rebuild of stack/bernstein.cpp.
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

inline constexpr std::size_t instantiated =
    check_stack(every_builder()).size() + stack_report(view_of(every_builder())).size() +
    check_stack(every_added_kind()).size() + stack_report(view_of(every_added_kind())).size();

} // namespace kubestack::detail::precompiled
