// The whole-stack rules see the pods that objects of the model make and the selectors they
// pick pods with (model_pods.hpp): an imported stack is checked as a builder's is.
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/object.hpp>
#include <kubestack/stack_rules.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace kubestack;
namespace core = api::core::v1;
namespace meta = api::meta::v1;

namespace {

using Rules = std::vector<StackRule>;

constexpr meta::LabelSelector labels_selector(std::string_view key, std::string_view value) {
    meta::LabelSelector selector;
    selector.matchLabels.emplace().push_back({key, value});
    return selector;
}

// ZooKeeper's ensemble as its tutorial writes it: pods labelled app.kubernetes.io/name=zk,
// spread with a term of `key` In [zk].
template <std::string_view const& key>
constexpr api::apps::v1::StatefulSet zk() {
    api::apps::v1::StatefulSet set;
    set.metadata.emplace().name = "zk";
    auto& spec = set.spec.emplace();
    spec.selector = labels_selector("app.kubernetes.io/name", "zk");
    spec.template_.metadata.emplace().labels.emplace().push_back({"app.kubernetes.io/name", "zk"});
    auto& pod = spec.template_.spec.emplace();
    core::Container server;
    server.name = "zk";
    server.image = "registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10";
    server.ports.emplace().push_back({.containerPort = 2181, .name = "client"});
    pod.containers.push_back(server);
    core::PodAffinityTerm term;
    meta::LabelSelectorRequirement requirement;
    requirement.key = key;
    requirement.operator_ = "In";
    requirement.values.emplace().push_back("zk");
    term.labelSelector.emplace().matchExpressions.emplace().push_back(requirement);
    term.topologyKey = "kubernetes.io/hostname";
    pod.affinity.emplace()
        .podAntiAffinity.emplace()
        .requiredDuringSchedulingIgnoredDuringExecution.emplace()
        .push_back(term);
    return set;
}
inline constexpr std::string_view upstream_key = "app";
inline constexpr std::string_view pods_key = "app.kubernetes.io/name";

constexpr core::Service zk_cs(std::string_view value, std::string_view target) {
    core::Service service;
    service.metadata.emplace().name = "zk-cs";
    auto& spec = service.spec.emplace();
    spec.selector.emplace().push_back({"app.kubernetes.io/name", value});
    core::ServicePort port;
    port.port = 2181;
    port.targetPort = api::IntOrString(target);
    spec.ports.emplace().push_back(port);
    return service;
}
constexpr core::Service zk_client() {
    return zk_cs("zk", "client");
}
constexpr core::Service zk_client_typo() {
    return zk_cs("kz", "client");
}

constexpr api::policy::v1::PodDisruptionBudget zk_budget() {
    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "zk-pdb";
    budget.spec.emplace().maxUnavailable = 1;
    budget.spec->selector = labels_selector("app", "zk");
    return budget;
}

constexpr api::networking::v1::NetworkPolicy zk_policy() {
    api::networking::v1::NetworkPolicy policy;
    policy.metadata.emplace().name = "zk";
    policy.spec.emplace().podSelector = labels_selector("app", "zk");
    return policy;
}

} // namespace

TEST_CASE("an anti-affinity term of the model must select pods of the stack", "[model_pods]") {
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<zk<upstream_key>>())) ==
                   Rules{StackRule::anti_affinity_selects_no_pod});
    CHECK(
        std::string(check_stack(stack().apply(object<zk<upstream_key>>()))[0].message)
            .starts_with("StatefulSet \"zk\": spec.template.spec.affinity.podAntiAffinity."
                         "requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector "
                         "selects app In (zk), which no workload in namespace \"default\" carries, "
                         "so it keeps nothing apart"));
    // The near miss: the term selects the label the pods carry.
    STATIC_REQUIRE(check_stack(stack().apply(object<zk<pods_key>>())).empty());
    // A term may keep off pods made elsewhere, when the object says so.
    STATIC_REQUIRE(
        check_stack(stack().apply(object<zk<upstream_key>>().selectsPodsCreatedElsewhere()))
            .empty());
}

TEST_CASE("a Service, budget or policy of the model must select pods of the stack",
          "[model_pods]") {
    STATIC_REQUIRE(check_stack(stack().apply(object<zk<pods_key>>(), object<zk_client>())).empty());
    STATIC_REQUIRE(
        rules_broken_by(stack().apply(object<zk<pods_key>>(), object<zk_client_typo>())) ==
        Rules{StackRule::service_selects_no_pod});
    CHECK(std::string(check_stack(stack().apply(object<zk<pods_key>>(), object<zk_client_typo>()))
                          .front()
                          .message)
              .starts_with("Service \"zk-cs\": spec.selector selects app.kubernetes.io/name=kz, "
                           "which no workload in namespace \"default\" carries"));
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<zk<pods_key>>(), object<zk_budget>(),
                                                 object<zk_policy>())) ==
                   Rules{StackRule::disruption_budget_selects_no_pod,
                         StackRule::network_policy_selects_no_pod});
}

TEST_CASE("builders' and the model's selectors see each other's pods", "[model_pods]") {
    // A builder's Service selecting the model's pods, by a port they expose.
    CHECK(check_stack(
              stack().withoutNamespaces().apply(
                  object<zk<pods_key>>(),
                  service("zk-cs").selector("app.kubernetes.io/name", "zk").port("client", 2181)))
              .empty());
    CHECK(rules_broken_by(stack().withoutNamespaces().apply(
              object<zk<pods_key>>(),
              service("zk-cs").selector("app.kubernetes.io/name", "zk").port("client", 2182))) ==
          Rules{StackRule::target_port_not_exposed});
    // The model's Service selecting a builder's pods.
    CHECK(check_stack(stack().withoutNamespaces().apply(
                          statefulSet("zk")
                              .selector("app.kubernetes.io/name", "zk")
                              .image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
                              .port("client", 2181),
                          object<zk_client>()))
              .empty());
}

TEST_CASE("objects of the model may select pods created elsewhere", "[model_pods]") {
    // A Service alone, as one file of a repository holds it.
    STATIC_REQUIRE(rules_broken_by(stack().apply(object<zk_client>())) ==
                   Rules{StackRule::service_selects_no_pod});
    STATIC_REQUIRE(
        check_stack(stack().apply(object<zk_client>().selectsPodsCreatedElsewhere())).empty());
    // The marker must stay true: the stack must not make those pods.
    STATIC_REQUIRE(
        rules_broken_by(stack().apply(object<zk<pods_key>>(),
                                      object<zk_client>().selectsPodsCreatedElsewhere())) ==
        Rules{StackRule::pods_created_elsewhere_but_made});
    CHECK(std::string(check_stack(stack().apply(object<zk<pods_key>>(),
                                                object<zk_client>().selectsPodsCreatedElsewhere()))
                          .front()
                          .message)
              .starts_with("Service \"zk-cs\": spec.selector selects app.kubernetes.io/name=zk "
                           "as pods created elsewhere, but StatefulSet \"zk\""));
}
