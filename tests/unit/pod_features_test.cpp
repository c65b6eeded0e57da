// What real stacks set on pods and containers (../shared/realworld/): probes, lifecycle
// hooks, security contexts, command, init containers, emptyDir, env from pod fields, pod
// annotations, imagePullPolicy, a Deployment's strategy, the grace period, a freely named
// main container and unnamed ports. First the builders' state, then the YAML that the
// conversion to the API model (to_model) and the generic emitter write for it.
#include "violation_messages.hpp"

#include <catch2/catch.hpp>
#include <emitter/to_model.hpp>
#include <kubestack.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack;
using Rules = std::vector<StackRule>;

namespace {

// Online Boutique's frontend, as its authors write it.
constexpr Deployment frontend() {
    return deployment("frontend")
        .containerName("server")
        .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6")
        .port(8080)
        .podAnnotation("sidecar.istio.io/rewriteAppHTTPProbers", "true")
        .podSecurityContext(
            podSecurity().fsGroup(1000).runAsGroup(1000).runAsNonRoot().runAsUser(1000))
        .securityContext(containerSecurity()
                             .allowPrivilegeEscalation(false)
                             .dropCapabilities({"ALL"})
                             .privileged(false)
                             .readOnlyRootFilesystem())
        .readinessProbe(httpGet("/_healthz", 8080)
                            .header("Cookie", "shop_session-id=x-readiness-probe")
                            .initialDelaySeconds(10))
        .livenessProbe(httpGet("/_healthz", 8080)
                           .header("Cookie", "shop_session-id=x-liveness-probe")
                           .initialDelaySeconds(10))
        .env("PORT", "8080");
}

// Cassandra's pod, less its StatefulSet parts.
constexpr Deployment cassandra() {
    return deployment("cassandra")
        .image("gcr.io/google-samples/cassandra:v14")
        .imagePullPolicy(ImagePullPolicy::Always)
        .terminationGracePeriodSeconds(1800)
        .port("cql", 9042)
        .securityContext(containerSecurity().addCapabilities({"IPC_LOCK"}))
        .preStop(exec({"/bin/sh", "-c", "nodetool drain"}))
        .env("POD_IP", fieldRef("status.podIP"))
        .readinessProbe(exec({"/bin/bash", "-c", "/ready-probe.sh"})
                            .initialDelaySeconds(15)
                            .timeoutSeconds(5)
                            .periodSeconds(10)
                            .failureThreshold(3))
        .strategy(DeploymentStrategy::Recreate);
}

// The loadgenerator: an init container that waits for the frontend.
constexpr Deployment loadgenerator() {
    return deployment("loadgenerator")
        .containerName("main")
        .image("us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/"
               "loadgenerator:v0.10.6")
        .initContainer(container("frontend-check")
                           .image("busybox:1.38.0")
                           .command({"/bin/sh", "-exc", "wget http://${FRONTEND_ADDR}\n"})
                           .env("FRONTEND_ADDR", "frontend:80"))
        .volume(emptyDir("redis-data"))
        .mount("redis-data", "/data")
        .mount(emptyDir("cache", StorageMedium::Memory, "64Mi"), "/cache")
        .rollingUpdate({.maxSurge = 1, .maxUnavailable = "25%"});
}

std::string yaml_of(const Deployment& object) {
    emitter::TextArena arena;
    emitter::YamlWriter out;
    emitter::write_model_object(out, emitter::to_model(object, arena));
    return out.text();
}

// The first difference between a parsed document and the values it must hold, or "":
// maps compare by key in any order, sequences in order, scalars by text.
std::string difference(const YAML::Node& got, const YAML::Node& want, const std::string& path) {
    if (!got) return path + ": missing";
    if (got.Type() != want.Type()) return path + ": node types differ";
    if (want.IsScalar())
        return got.Scalar() == want.Scalar()
                   ? ""
                   : path + ": '" + got.Scalar() + "' instead of '" + want.Scalar() + "'";
    if (want.IsSequence()) {
        if (got.size() != want.size()) return path + ": sequences of different lengths";
        for (std::size_t i = 0; i < want.size(); ++i)
            if (auto why = difference(got[i], want[i], path + "[" + std::to_string(i) + "]");
                !why.empty())
                return why;
        return "";
    }
    if (got.size() != want.size()) return path + ": maps of different sizes";
    for (const auto& entry : want) {
        const std::string key = entry.first.as<std::string>();
        if (auto why = difference(got[key], entry.second, path + "." + key); !why.empty())
            return why;
    }
    return "";
}

std::string difference(const std::string& got, const char* want) {
    return difference(YAML::Load(got), YAML::Load(want), "");
}

} // namespace

TEST_CASE("the main container is named after the workload unless containerName names it",
          "[pod_features]") {
    STATIC_REQUIRE(deployment("web").pod().containers.front().name() == "web");
    STATIC_REQUIRE(frontend().pod().containers.front().name() == "server");
    STATIC_REQUIRE(frontend().pod().containers.size() == 1);
    STATIC_REQUIRE(frontend().name() == "frontend");
    STATIC_REQUIRE(frontend().selector().value("app") == "frontend");
}

TEST_CASE("an unnamed port has a number only", "[pod_features]") {
    STATIC_REQUIRE([] {
        const auto& ports = frontend().pod().containers.front().ports();
        return ports.size() == 1 && ports[0].name.empty() && ports[0].number == 8080;
    }());
}

TEST_CASE("probes keep their action and the timings given, and only those", "[pod_features]") {
    STATIC_REQUIRE([] {
        const Container c = cassandra().pod().containers.front();
        const Probe& ready = *c.check(CheckKind::Readiness);
        return !c.check(CheckKind::Liveness) && !c.check(CheckKind::Startup) &&
               !c.check(CheckKind::PostStart) && ready.action().kind() == ActionKind::Exec &&
               ready.action().command().size() == 3 &&
               ready.action().command()[2] == "/ready-probe.sh" && *ready.initial_delay() == 15 &&
               *ready.timeout() == 5 && *ready.period() == 10 && *ready.failure_threshold() == 3 &&
               !ready.success_threshold() &&
               c.check(CheckKind::PreStop)->action().kind() == ActionKind::Exec;
    }());
    STATIC_REQUIRE([] {
        const Probe probe = httpGet("/healthz", "http").scheme(Scheme::HTTPS).successThreshold(2);
        return probe.action().port().name == "http" && probe.action().port().number == 0 &&
               *probe.action().scheme() == Scheme::HTTPS && *probe.success_threshold() == 2 &&
               !probe.initial_delay();
    }());
    STATIC_REQUIRE([] {
        const Probe probe = grpc(9555, "health");
        return probe.action().kind() == ActionKind::Grpc && probe.action().port().number == 9555 &&
               probe.action().grpc_service() == "health";
    }());
    STATIC_REQUIRE(tcpSocket(6379).kind() == ActionKind::TcpSocket);
}

TEST_CASE("a probe or hook given twice keeps the last", "[pod_features]") {
    STATIC_REQUIRE([] {
        const Container c = container("c")
                                .livenessProbe(tcpSocket(80))
                                .preStop(exec({"a"}))
                                .livenessProbe(grpc(81).periodSeconds(3));
        const Probe& live = *c.check(CheckKind::Liveness);
        return live.action().kind() == ActionKind::Grpc && *live.period() == 3 &&
               c.check(CheckKind::PreStop) != nullptr && !c.check(CheckKind::Readiness);
    }());
}

TEST_CASE("security contexts keep false apart from unset", "[pod_features]") {
    STATIC_REQUIRE([] {
        const ContainerSecurity& security = frontend().pod().containers.front().security();
        return *security.allow_privilege_escalation() == false &&
               *security.is_privileged() == false && *security.read_only_root_filesystem() &&
               !security.user() && security.dropped_capabilities().size() == 1 &&
               security.added_capabilities().empty() && !security.empty();
    }());
    STATIC_REQUIRE([] {
        const PodSecurity& security = frontend().pod().security;
        return *security.fs_group() == 1000 && *security.user() == 1000 &&
               *security.group() == 1000 && *security.non_root() && !security.seccomp();
    }());
    STATIC_REQUIRE(containerSecurity().empty() && podSecurity().empty());
    STATIC_REQUIRE(*podSecurity().seccompProfile(Seccomp::RuntimeDefault).seccomp() ==
                   Seccomp::RuntimeDefault);
}

TEST_CASE("init containers join the pod after the main container, marked", "[pod_features]") {
    STATIC_REQUIRE([] {
        const auto& containers = loadgenerator().pod().containers;
        return containers.size() == 2 && containers[0].name() == "main" &&
               !containers[0].is_init() && containers[1].is_init() &&
               containers[1].command().size() == 3;
    }());
}

TEST_CASE("emptyDir volumes, env from pod fields, annotations, grace period, pull policy",
          "[pod_features]") {
    STATIC_REQUIRE([] {
        const auto volumes = loadgenerator().pod().volumes();
        return volumes.size() == 2 && volumes[0].source == VolumeSource::EmptyDir &&
               volumes[0].reference.empty() && volumes[0].medium == StorageMedium::Disk &&
               volumes[1].medium == StorageMedium::Memory && volumes[1].reference == "64Mi";
    }());
    STATIC_REQUIRE([] {
        const auto c = cassandra();
        const EnvVar& ip = c.pod().containers.front().env()[0];
        return ip.from_field && !ip.from_key && ip.value == "status.podIP" &&
               c.pod().termination_grace_period_seconds == 1800 &&
               *c.pod().containers.front().image_pull_policy() == ImagePullPolicy::Always;
    }());
    STATIC_REQUIRE(frontend().pod().annotations.value("sidecar.istio.io/rewriteAppHTTPProbers") ==
                   "true");
    STATIC_REQUIRE(frontend().metadata().annotations.empty());
}

TEST_CASE("rule predicates of the pod features", "[pod_features]") {
    STATIC_REQUIRE(is_pod_field_path("metadata.name"));
    STATIC_REQUIRE(is_pod_field_path("status.podIP"));
    STATIC_REQUIRE(is_pod_field_path("metadata.labels['app.kubernetes.io/name']"));
    STATIC_REQUIRE_FALSE(is_pod_field_path("metadata.labels['']"));
    STATIC_REQUIRE_FALSE(is_pod_field_path("status.podIp"));
    STATIC_REQUIRE_FALSE(is_pod_field_path("spec.containers"));
    STATIC_REQUIRE(is_capability("NET_ADMIN"));
    STATIC_REQUIRE(is_capability("ALL"));
    STATIC_REQUIRE_FALSE(is_capability("CAP_NET_ADMIN"));
    STATIC_REQUIRE_FALSE(is_capability("net_admin"));
    STATIC_REQUIRE(is_http_header_name("X-Custom-Header"));
    STATIC_REQUIRE_FALSE(is_http_header_name("X Header"));
    STATIC_REQUIRE_FALSE(is_http_header_name("X_Header"));
    STATIC_REQUIRE(is_percentage("25%"));
    STATIC_REQUIRE(is_percentage("0%"));
    STATIC_REQUIRE_FALSE(is_percentage("%"));
    STATIC_REQUIRE_FALSE(is_percentage("25"));
    STATIC_REQUIRE(RollingUpdateValue("0%").is_zero());
    STATIC_REQUIRE(RollingUpdateValue(0).is_zero());
    STATIC_REQUIRE_FALSE(RollingUpdateValue("10%").is_zero());
    STATIC_REQUIRE_FALSE(RollingUpdateValue().is_zero());
}

TEST_CASE("a Deployment's strategy: unset, Recreate, or RollingUpdate with its values",
          "[pod_features]") {
    STATIC_REQUIRE(!deployment("web").strategy());
    STATIC_REQUIRE(*cassandra().strategy() == DeploymentStrategy::Recreate);
    STATIC_REQUIRE([] {
        const Deployment d = loadgenerator();
        return *d.strategy() == DeploymentStrategy::RollingUpdate &&
               d.rolling_update().maxSurge.count == 1 &&
               d.rolling_update().maxUnavailable.percentage == "25%";
    }());
    // The last call wins: Recreate takes no rolling-update values.
    STATIC_REQUIRE(
        !loadgenerator().strategy(DeploymentStrategy::Recreate).rolling_update().maxSurge.is_set());
}

// Rule 8 and the image rule: adding a container does not name the main one.
constexpr Stack second_container_meant_as_main() {
    return stack().apply(deployment("frontend").container(container("server").image("app:1")));
}
constexpr Stack renamed_main_container_taken() {
    return stack().apply(deployment("frontend")
                             .containerName("server")
                             .image("app:1")
                             .container(container("server").image("proxy:1")));
}
constexpr Stack sidecar_without_image() {
    return stack().apply(deployment("frontend").image("app:1").container(container("proxy")));
}
constexpr Stack renamed_main_container_ok() {
    return stack().apply(deployment("frontend")
                             .containerName("server")
                             .image("app:1")
                             .initContainer(container("frontend").image("busybox:1"))
                             .container(container("proxy").image("proxy:1")));
}

TEST_CASE("a container added next to an image-less main container breaks a rule",
          "[pod_features]") {
    STATIC_REQUIRE(rules_broken_by(second_container_meant_as_main()) ==
                   Rules{StackRule::container_without_image});
    STATIC_REQUIRE(rules_broken_by(renamed_main_container_taken()) ==
                   Rules{StackRule::duplicate_container});
    STATIC_REQUIRE(rules_broken_by(sidecar_without_image()) ==
                   Rules{StackRule::container_without_image});
    STATIC_REQUIRE(rules_broken_by(renamed_main_container_ok()).empty());
    CHECK_THAT(violation_messages(second_container_meant_as_main()),
               Catch::Contains("Deployment \"frontend\" container \"frontend\" has no image") &&
                   Catch::Contains("use .containerName(...) rather than adding a container"));
    CHECK_THAT(violation_messages(sidecar_without_image()),
               Catch::Contains("Deployment \"frontend\" container \"proxy\" has no image") &&
                   !Catch::Contains("containerName"));
    CHECK_THAT(violation_messages(renamed_main_container_taken()),
               Catch::Contains("has two containers named \"server\""));
}

TEST_CASE("the YAML of probes, security contexts, annotations and an unnamed port",
          "[pod_features][to_model]") {
    const std::string yaml = yaml_of(frontend());
    const YAML::Node doc = YAML::Load(yaml);
    CHECK(difference(yaml_of(frontend()), R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: default
  labels: {app: frontend}
spec:
  selector:
    matchLabels: {app: frontend}
  template:
    metadata:
      labels: {app: frontend}
      annotations:
        sidecar.istio.io/rewriteAppHTTPProbers: "true"
    spec:
      securityContext:
        fsGroup: 1000
        runAsGroup: 1000
        runAsNonRoot: true
        runAsUser: 1000
      restartPolicy: Always
      containers:
      - name: server
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: [ALL]
          privileged: false
          readOnlyRootFilesystem: true
        image: us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6
        ports:
        - containerPort: 8080
          protocol: TCP
        readinessProbe:
          initialDelaySeconds: 10
          httpGet:
            path: "/_healthz"
            port: 8080
            httpHeaders:
            - name: "Cookie"
              value: "shop_session-id=x-readiness-probe"
        livenessProbe:
          initialDelaySeconds: 10
          httpGet:
            path: "/_healthz"
            port: 8080
            httpHeaders:
            - name: "Cookie"
              value: "shop_session-id=x-liveness-probe"
        env:
        - name: PORT
          value: "8080"
)") == "");
    // The port and the flags are numbers and booleans, not strings.
    const YAML::Node server = doc["spec"]["template"]["spec"]["containers"][0];
    CHECK(server["ports"][0]["containerPort"].Tag() == "?");
    CHECK(server["readinessProbe"]["httpGet"]["port"].Tag() == "?");
    CHECK(server["securityContext"]["privileged"].Tag() == "?");
    CHECK_FALSE(server["ports"][0]["name"]);
}

TEST_CASE("the YAML of exec probes and hooks, fieldRef, pull policy, grace period, Recreate",
          "[pod_features][to_model]") {
    CHECK(difference(yaml_of(cassandra()), R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cassandra
  namespace: default
  labels: {app: cassandra}
spec:
  selector:
    matchLabels: {app: cassandra}
  strategy:
    type: Recreate
  template:
    metadata:
      labels: {app: cassandra}
    spec:
      terminationGracePeriodSeconds: 1800
      restartPolicy: Always
      containers:
      - name: cassandra
        image: gcr.io/google-samples/cassandra:v14
        imagePullPolicy: Always
        ports:
        - containerPort: 9042
          name: cql
          protocol: TCP
        securityContext:
          capabilities:
            add:
              - IPC_LOCK
        lifecycle:
          preStop:
            exec:
              command:
              - /bin/sh
              - -c
              - nodetool drain
        env:
          - name: POD_IP
            valueFrom:
              fieldRef:
                fieldPath: status.podIP
        readinessProbe:
          exec:
            command:
            - /bin/bash
            - -c
            - /ready-probe.sh
          initialDelaySeconds: 15
          timeoutSeconds: 5
          periodSeconds: 10
          failureThreshold: 3
)") == "");
}

TEST_CASE("the YAML of init containers, emptyDir volumes and a rolling update",
          "[pod_features][to_model]") {
    CHECK(difference(yaml_of(loadgenerator()), R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: loadgenerator
  namespace: default
  labels: {app: loadgenerator}
spec:
  selector:
    matchLabels: {app: loadgenerator}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 25%
  template:
    metadata:
      labels: {app: loadgenerator}
    spec:
      restartPolicy: Always
      initContainers:
      - name: frontend-check
        image: busybox:1.38.0
        command:
        - /bin/sh
        - -exc
        - |
          wget http://${FRONTEND_ADDR}
        env:
        - name: FRONTEND_ADDR
          value: "frontend:80"
      containers:
      - name: main
        image: us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/loadgenerator:v0.10.6
        volumeMounts:
        - name: redis-data
          mountPath: /data
        - name: cache
          mountPath: /cache
      volumes:
      - name: redis-data
        emptyDir: {}
      - name: cache
        emptyDir:
          medium: Memory
          sizeLimit: 64Mi
)") == "");
}

TEST_CASE("the YAML of grpc, tcpSocket and startup probes, an httpGet hook and seccomp",
          "[pod_features][to_model]") {
    const auto ad =
        deployment("adservice")
            .image("adservice:1")
            .port("grpc", 9555)
            .readinessProbe(grpc(9555).initialDelaySeconds(20).periodSeconds(15))
            .livenessProbe(tcpSocket("grpc").periodSeconds(5))
            .startupProbe(httpGet("/started", "grpc")
                              .scheme(Scheme::HTTPS)
                              .failureThreshold(30)
                              .successThreshold(1))
            .postStart(httpGet("/warm", 9555))
            .securityContext(containerSecurity().runAsUser(0).runAsNonRoot(false).seccompProfile(
                Seccomp::Unconfined))
            .podSecurityContext(podSecurity().seccompProfile(Seccomp::RuntimeDefault))
            .terminationGracePeriodSeconds(0);
    const YAML::Node pod = YAML::Load(yaml_of(ad))["spec"]["template"]["spec"];
    CHECK(difference(pod, YAML::Load(R"(
securityContext:
  seccompProfile: {type: RuntimeDefault}
terminationGracePeriodSeconds: 0
restartPolicy: Always
containers:
- name: adservice
  image: adservice:1
  ports:
  - {name: grpc, containerPort: 9555, protocol: TCP}
  readinessProbe:
    grpc: {port: 9555}
    initialDelaySeconds: 20
    periodSeconds: 15
  livenessProbe:
    tcpSocket: {port: grpc}
    periodSeconds: 5
  startupProbe:
    httpGet: {path: /started, port: grpc, scheme: HTTPS}
    failureThreshold: 30
    successThreshold: 1
  lifecycle:
    postStart:
      httpGet: {path: /warm, port: 9555}
  securityContext:
    runAsUser: 0
    runAsNonRoot: false
    seccompProfile: {type: Unconfined}
)"),
                     "") == "");
}
