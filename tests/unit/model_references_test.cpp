// The whole-stack rules follow the names by which objects of the model refer to others
// (model_references.hpp): an imported stack's references are checked as a builder's are.
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v2.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>
#include <kubestack/stack_rules.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace kubestack;
namespace core = api::core::v1;

namespace {

using Rules = std::vector<StackRule>;

// A web server that reads a ConfigMap's key, mounts a Secret and a claim, and runs as its
// own ServiceAccount; `optional_config` marks the ConfigMap optional.
template <bool optional_config = false>
constexpr api::apps::v1::Deployment web() {
    api::apps::v1::Deployment d;
    d.metadata.emplace().name = "web";
    auto& spec = d.spec.emplace();
    spec.selector.matchLabels.emplace().push_back({"app", "web"});
    spec.template_.metadata.emplace().labels.emplace().push_back({"app", "web"});
    auto& pod = spec.template_.spec.emplace();
    pod.serviceAccountName = "web";
    core::Container c;
    c.name = "web";
    c.image = "nginx:1.27";
    core::EnvVar mode;
    mode.name = "MODE";
    auto& key = mode.valueFrom.emplace().configMapKeyRef.emplace();
    key.name = "settings";
    key.key = "mode";
    if (optional_config) key.optional = true;
    c.env.emplace().push_back(mode);
    c.volumeMounts.emplace().push_back({"/etc/tls", {}, "tls"});
    c.volumeMounts->push_back({"/data", {}, "data"});
    pod.containers.push_back(c);
    core::Volume tls;
    tls.name = "tls";
    tls.secret.emplace().secretName = "web-tls";
    core::Volume data;
    data.name = "data";
    data.persistentVolumeClaim.emplace().claimName = "web-data";
    pod.volumes.emplace().push_back(tls);
    pod.volumes->push_back(data);
    return d;
}

template <std::string_view const& key>
constexpr core::ConfigMap settings() {
    core::ConfigMap config;
    config.metadata.emplace().name = "settings";
    config.data.emplace().push_back({key, "fast"});
    return config;
}
inline constexpr std::string_view mode_key = "mode";
inline constexpr std::string_view other_key = "speed";

constexpr api::networking::v1::Ingress web_ingress() {
    api::networking::v1::Ingress ingress;
    ingress.metadata.emplace().name = "web";
    api::networking::v1::HTTPIngressPath path;
    path.path = "/";
    path.pathType = "Prefix";
    path.backend.service.emplace().name = "web";
    path.backend.service->port.emplace().number = 80;
    api::networking::v1::IngressRule rule;
    rule.http.emplace().paths.push_back(path);
    auto& spec = ingress.spec.emplace();
    spec.rules.emplace().push_back(rule);
    api::networking::v1::IngressTLS tls;
    tls.secretName = "web-tls";
    spec.tls.emplace().push_back(tls);
    return ingress;
}

constexpr api::rbac::v1::RoleBinding viewers() {
    api::rbac::v1::RoleBinding binding;
    binding.metadata.emplace().name = "viewers";
    binding.roleRef = {"rbac.authorization.k8s.io", "ClusterRole", "view"};
    binding.subjects.emplace().push_back({{}, "ServiceAccount", "web", {}});
    return binding;
}

// A binding in "shop" of the built-in ClusterRole "view" to the monitoring namespace's
// Prometheus.
constexpr api::rbac::v1::RoleBinding shop_viewers() {
    api::rbac::v1::RoleBinding binding;
    binding.metadata.emplace().name = "viewers";
    binding.metadata->namespace_ = "shop";
    binding.roleRef = {"rbac.authorization.k8s.io", "ClusterRole", "view"};
    binding.subjects.emplace().push_back({{}, "ServiceAccount", "prometheus", "monitoring"});
    return binding;
}

// A ClusterRole that says a namespace, as Helm charts' often do: Kubernetes ignores it.
constexpr api::rbac::v1::ClusterRole view_role() {
    api::rbac::v1::ClusterRole role;
    role.metadata.emplace().name = "view";
    role.metadata->namespace_ = "default";
    return role;
}

// A pod whose empty serviceAccountName means the "default" ServiceAccount.
constexpr core::Pod lone_pod() {
    core::Pod pod;
    pod.metadata.emplace().name = "lone";
    core::Container c;
    c.name = "lone";
    c.image = "busybox:1.36";
    pod.spec.emplace().containers.push_back(c);
    pod.spec->serviceAccountName = "";
    return pod;
}

constexpr auto shop = namespace_("shop").createdElsewhere();

// A database governed by the Service "db", scaled by an autoscaler, whose claim template
// is bound to the PersistentVolume "db-disk".
constexpr api::apps::v1::StatefulSet db() {
    api::apps::v1::StatefulSet set;
    set.metadata.emplace().name = "db";
    auto& spec = set.spec.emplace();
    spec.serviceName = "db";
    spec.selector.matchLabels.emplace().push_back({"app", "db"});
    spec.template_.metadata.emplace().labels.emplace().push_back({"app", "db"});
    core::Container c;
    c.name = "db";
    c.image = "postgres:17";
    c.volumeMounts.emplace().push_back({"/var/lib/postgresql", {}, "data"});
    spec.template_.spec.emplace().containers.push_back(c);
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    claim.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    claim.spec->resources.emplace().requests.emplace().push_back({"storage", "1Gi"});
    claim.spec->volumeName = "db-disk";
    spec.volumeClaimTemplates.emplace().push_back(claim);
    return set;
}
constexpr api::autoscaling::v2::HorizontalPodAutoscaler db_autoscaler() {
    api::autoscaling::v2::HorizontalPodAutoscaler autoscaler;
    autoscaler.metadata.emplace().name = "db";
    autoscaler.spec.scaleTargetRef = {"apps/v1", "StatefulSet", "db"};
    autoscaler.spec.maxReplicas = 3;
    return autoscaler;
}

// A PodTemplate keeps a pod for others to make: what it reads need not be there yet.
constexpr core::PodTemplate web_template() {
    core::PodTemplate kept;
    kept.metadata.emplace().name = "web";
    kept.template_.emplace().spec.emplace() = *web<>().spec->template_.spec;
    return kept;
}

// A pod that reads a key of the Secret "settings".
template <std::string_view const& key>
constexpr core::Pod secret_reader() {
    core::Pod pod = lone_pod();
    core::EnvVar mode;
    mode.name = "MODE";
    auto& selector = mode.valueFrom.emplace().secretKeyRef.emplace();
    selector.name = "settings";
    selector.key = key;
    pod.spec->containers.front().env.emplace().push_back(mode);
    return pod;
}

// A Secret whose key is given as stringData, which the API server moves into data.
constexpr core::Secret settings_secret() {
    core::Secret secret;
    secret.metadata.emplace().name = "settings";
    secret.stringData.emplace().push_back({"mode", "fast"});
    return secret;
}

} // namespace

TEST_CASE("a declaration is in the referring object's namespace, or the one it names",
          "[model_references]") {
    // Declared without a namespace, Prometheus would be in "shop": the subject's is not
    // declared, and the declaration names nothing the binding refers to.
    STATIC_REQUIRE(rules_broken_by(stack().apply(
                       object<shop_viewers>()
                           .inNamespace(shop)
                           .refersTo(clusterRole("view").createdElsewhere())
                           .refersTo(serviceAccount("prometheus").createdElsewhere()))) ==
                   Rules{StackRule::subject_missing, StackRule::created_elsewhere_not_referred});
    STATIC_REQUIRE(check_stack(stack().apply(object<shop_viewers>()
                                                 .inNamespace(shop)
                                                 .refersTo(clusterRole("view").createdElsewhere())
                                                 .refersTo(serviceAccount("prometheus")
                                                               .inNamespace("monitoring")
                                                               .createdElsewhere())))
                       .empty());
    // A cluster-scoped object of the model is found whatever namespace it says.
    STATIC_REQUIRE(
        check_stack(
            stack().apply(
                object<view_role>(),
                object<shop_viewers>().inNamespace(shop).refersTo(
                    serviceAccount("prometheus").inNamespace("monitoring").createdElsewhere())))
            .empty());
    // An empty serviceAccountName names no ServiceAccount.
    STATIC_REQUIRE(check_stack(stack().apply(object<lone_pod>())).empty());
}

TEST_CASE("a pod of the model reads objects the stack has", "[model_references]") {
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<web<>>())) ==
                   Rules{StackRule::service_account_missing, StackRule::config_missing,
                         StackRule::config_missing, StackRule::claim_missing});
    CHECK(std::string(check_stack(stack().apply(object<web<>>()))[1].message) ==
          "Deployment \"web\": spec.template.spec.containers[0].env[0].valueFrom."
          "configMapKeyRef.name names ConfigMap \"settings\", which namespace \"default\" "
          "does not have: apply it, or declare it with "
          "refersTo(configMap(\"settings\").createdElsewhere())");
    // The near miss: the objects are there, of the model or of builders, in "default".
    STATIC_REQUIRE(
        check_stack(stack().withoutNamespaces().apply(object<web<>>(), object<settings<mode_key>>(),
                                                      secret("web-tls").data("tls.crt", "x"),
                                                      persistentVolumeClaim("web-data")
                                                          .request("1Gi")
                                                          .accessMode(AccessMode::ReadWriteOnce),
                                                      serviceAccount("web")))
            .empty());
    // An optional ConfigMap may be absent.
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<web<true>>())) ==
                   Rules{StackRule::service_account_missing, StackRule::config_missing,
                         StackRule::claim_missing});
}

TEST_CASE("a key read from a ConfigMap of the model must be defined", "[model_references]") {
    STATIC_REQUIRE(rules_broken_by(stack().apply(
                       object<web<>>()
                           .refersTo(secret("web-tls").createdElsewhere())
                           .refersTo(persistentVolumeClaim("web-data").createdElsewhere())
                           .refersTo(serviceAccount("web").createdElsewhere()),
                       object<settings<other_key>>())) == Rules{StackRule::config_key_missing});
}

TEST_CASE("refersTo() declares what the object names but the stack does not hold",
          "[model_references]") {
    STATIC_REQUIRE(
        rules_broken_by(stack().apply(object<web_ingress>())) ==
        Rules{StackRule::ingress_backend_missing, StackRule::ingress_tls_secret_missing});
    STATIC_REQUIRE(check_stack(stack().apply(object<web_ingress>()
                                                 .refersTo(service("web").createdElsewhere())
                                                 .refersTo(secret("web-tls").createdElsewhere())))
                       .empty());
    // A declaration must name something the object refers to, and stay true.
    STATIC_REQUIRE(
        rules_broken_by(stack().apply(object<web_ingress>()
                                          .refersTo(service("web").createdElsewhere())
                                          .refersTo(secret("web-tls").createdElsewhere())
                                          .refersTo(secret("api-tls").createdElsewhere()))) ==
        Rules{StackRule::created_elsewhere_not_referred});
    STATIC_REQUIRE(rules_broken_by(stack().withoutNamespaces().apply(
                       object<web_ingress>()
                           .refersTo(service("web").createdElsewhere())
                           .refersTo(secret("web-tls").createdElsewhere()),
                       secret("web-tls").data("tls.crt", "x"))) ==
                   Rules{StackRule::created_elsewhere_but_applied});
    // Only an object marked createdElsewhere() may be declared.
    STATIC_REQUIRE(
        rules_broken_by(stack().apply(
            object<web_ingress>().refersTo(service("web")).refersTo(secret("web-tls")))) ==
        Rules{StackRule::value_rule_broken});
}

TEST_CASE("a binding of the model grants roles to accounts the stack has", "[model_references]") {
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<viewers>())) ==
                   Rules{StackRule::role_missing, StackRule::subject_missing});
    CHECK(std::string(check_stack(stack().apply(object<viewers>()))[0].message) ==
          "RoleBinding \"viewers\": roleRef.name names ClusterRole \"view\", which the stack "
          "does not have: apply it, or declare it with "
          "refersTo(clusterRole(\"view\").createdElsewhere())");
    STATIC_REQUIRE(
        check_stack(stack().withoutNamespaces().apply(
                        object<viewers>().refersTo(clusterRole("view").createdElsewhere()),
                        serviceAccount("web")))
            .empty());
}

TEST_CASE("a StatefulSet's Service and bound volume, and an autoscaler's target, are there",
          "[model_references]") {
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<db>(), object<db_autoscaler>())) ==
                   Rules{StackRule::stateful_set_service_missing, StackRule::bound_volume_missing});
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<db_autoscaler>())) ==
                   Rules{StackRule::autoscaler_target_missing});
    STATIC_REQUIRE(
        check_stack(stack().apply(object<db>()
                                      .refersTo(service("db").createdElsewhere())
                                      .refersTo(persistentVolume("db-disk").createdElsewhere()),
                                  object<db_autoscaler>()))
            .empty());
}

TEST_CASE("a PodTemplate reads nothing; stringData keys are a Secret's keys",
          "[model_references]") {
    STATIC_REQUIRE(check_stack(stack().apply(object<web_template>())).empty());
    STATIC_REQUIRE(
        check_stack(stack().apply(object<secret_reader<mode_key>>(), object<settings_secret>()))
            .empty());
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<secret_reader<other_key>>(),
                                                 object<settings_secret>())) ==
                   Rules{StackRule::config_key_missing});
}
