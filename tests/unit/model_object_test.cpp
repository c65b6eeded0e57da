// Objects of the API model in a stack (object<f>()), and builders' objects edited on their
// model (with<...>()).
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/autoscaling/v1.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/policy/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/manifests.hpp>
#include <kubestack/object.hpp>
#include <kubestack/stack_rules.hpp>
#include <kubestack/stack_view.hpp>
#include <string>
#include <vector>

using namespace kubestack;

namespace {

constexpr api::policy::v1::PodDisruptionBudget web_budget() {
    api::policy::v1::PodDisruptionBudget budget;
    budget.metadata.emplace().name = "web";
    budget.metadata->namespace_ = "default";
    budget.spec.emplace().maxUnavailable = 1;
    budget.spec->selector.emplace().matchLabels.emplace().push_back({"app", "web"});
    return budget;
}

constexpr Stack shop() {
    const auto web = deployment("web")
                         .image("nginx:1.27")
                         .port("http", 80)
                         .with<[](api::apps::v1::Deployment& d) { d.spec->minReadySeconds = 7; }>();
    return stack().apply(web, service(web), object<web_budget>());
}

// A budget in a namespace the stack does not create.
constexpr api::policy::v1::PodDisruptionBudget shop_budget() {
    api::policy::v1::PodDisruptionBudget budget = web_budget();
    budget.metadata->namespace_ = "shop";
    budget.spec->selector = {};
    return budget;
}

constexpr api::core::v1::Namespace shop_namespace() {
    api::core::v1::Namespace ns;
    ns.metadata.emplace().name = "shop";
    return ns;
}

} // namespace

TEST_CASE("a model object's namespace may be created elsewhere, and must be its own",
          "[model_object]") {
    constexpr auto shop = namespace_("shop").createdElsewhere();
    CHECK(rules_broken_by(stack().apply(object<shop_budget>())) ==
          std::vector{StackRule::namespace_missing});
    STATIC_REQUIRE(check_stack(stack().apply(object<shop_budget>().inNamespace(shop))).empty());
    // A Namespace of the model creates it too, wherever it comes in the stack.
    STATIC_REQUIRE(
        check_stack(stack().apply(object<shop_budget>(), object<shop_namespace>())).empty());
    CHECK(rules_broken_by(stack().apply(
              object<web_budget>().inNamespace(shop).selectsPodsCreatedElsewhere())) ==
          std::vector{StackRule::value_rule_broken});
    CHECK_THAT(std::string(check_stack(stack().apply(
                   object<web_budget>().inNamespace(shop).selectsPodsCreatedElsewhere()))[0]
                               .message),
               Catch::Contains("in_namespace_names_another_namespace_than_the_objects_metadata"));
}

TEST_CASE("a stack holds objects of the model beside the builders' objects", "[model_object]") {
    STATIC_REQUIRE(shop().all<ModelObject>().size() == 1);
    STATIC_REQUIRE(shop().all<ModelObject>().front().kind() == "PodDisruptionBudget");
    STATIC_REQUIRE(shop().all<ModelObject>().front().name() == "web");
    STATIC_REQUIRE(check_stack(shop()).empty());
    const std::string yaml = render_stream(view_of(shop()));
    CHECK_THAT(yaml, Catch::Contains("apiVersion: policy/v1\nkind: PodDisruptionBudget\n"
                                     "metadata:\n  name: web\n  namespace: default\n"));
    CHECK_THAT(yaml, Catch::Contains("  maxUnavailable: 1\n"));
    // After the Service: a model object goes where its kind goes, or last.
    CHECK(yaml.find("kind: PodDisruptionBudget") > yaml.find("kind: Service"));
    const std::vector<Document> documents = render_documents(view_of(shop()));
    // In the file a builder's budget of that name goes to.
    CHECK(documents.back().file == "web.disruptionbudget.yaml");
}

TEST_CASE("with<...>() edits the builder's object on its model", "[model_object]") {
    const std::string yaml = render_stream(view_of(shop()));
    CHECK_THAT(yaml, Catch::Contains("  minReadySeconds: 7\n"));
}

TEST_CASE("model objects of one kind and name are declared once; other kinds may share it",
          "[model_object]") {
    constexpr auto twice = [] {
        return stack().apply(deployment("web").image("nginx:1.27"), object<web_budget>(),
                             object<web_budget>());
    };
    STATIC_REQUIRE(check_stack(twice()).size() == 1);
    STATIC_REQUIRE(check_stack(twice()).front().rule == StackRule::duplicate_object);
    CHECK(std::string(check_stack(twice()).front().message) ==
          R"(PodDisruptionBudget "web" is declared more than once in namespace "default")");
    constexpr auto shared_name = [] {
        return stack().apply(deployment("web").image("nginx:1.27"), object<web_budget>());
    };
    STATIC_REQUIRE(check_stack(shared_name()).empty());
}

// Two ClusterRoles that differ in a namespace only, which Kubernetes ignores: one object.
constexpr api::rbac::v1::ClusterRole reader_in(std::string_view ns) {
    api::rbac::v1::ClusterRole role;
    role.metadata.emplace().name = "reader";
    role.metadata->namespace_ = ns;
    return role;
}
constexpr api::rbac::v1::ClusterRole reader_in_shop() {
    return reader_in("shop");
}
constexpr api::rbac::v1::ClusterRole reader_in_tools() {
    return reader_in("tools");
}

TEST_CASE("a cluster-scoped model object is in no namespace, whatever its metadata says",
          "[model_object]") {
    constexpr auto twice = [] {
        return stack().apply(object<reader_in_shop>(), object<reader_in_tools>());
    };
    STATIC_REQUIRE(object<reader_in_shop>().ns().empty());
    STATIC_REQUIRE(check_stack(twice()).size() == 1);
    STATIC_REQUIRE(check_stack(twice()).front().rule == StackRule::duplicate_object);
}

// A kind that does not say its scope (a subresource) is taken as namespaced.
constexpr api::autoscaling::v1::Scale web_scale() {
    api::autoscaling::v1::Scale scale;
    scale.metadata.emplace().name = "web";
    scale.metadata->namespace_ = "shop";
    return scale;
}

TEST_CASE("a kind of the model that does not say its scope keeps its namespace", "[model_object]") {
    STATIC_REQUIRE(object<web_scale>().ns() == "shop");
}

TEST_CASE("a model object's apiVersion is checked against the target as a builder's kind is",
          "[model_object]") {
    constexpr auto targeting = [](KubernetesVersion version) {
        return stack().targets(version).apply(deployment("web").image("nginx:1.27"),
                                              object<web_budget>());
    };
    // policy/v1 is served from 1.21, as kind_info<PodDisruptionBudget> says.
    STATIC_REQUIRE(check_stack(targeting("1.21")).empty());
    STATIC_REQUIRE(rules_broken_by(targeting("1.20")) ==
                   std::vector{StackRule::api_version_not_served});
    CHECK(std::string(check_stack(targeting("1.20")).front().message) ==
          "PodDisruptionBudget \"web\" is written as policy/v1, which Kubernetes 1.20 does not "
          "serve (served from 1.21)");
    // A kind that no builder has is taken as served.
    STATIC_REQUIRE(check_stack(stack().targets("1.10").apply(object<shop_namespace>())).empty());
}
