// The whole-stack rules follow the names by which objects of the model refer to others
// (model_references.hpp): an imported stack's references are checked as a builder's are.
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
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

} // namespace

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
