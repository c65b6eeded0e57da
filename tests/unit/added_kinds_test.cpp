// The autoscaler, disruption budget, network policy, storage class and namespaced RBAC
// builders, converted to the API model (emitter/to_model.hpp) and written by the model
// emitter: field by field, and, for the real stacks' objects, equal after parsing to the
// documents in ../shared/realworld.
#include "added_kinds_samples.hpp"

#include <catch2/catch.hpp>
#include <emitter/to_model.hpp>
#include <filesystem>
#include <kubestack/emit/model_yaml.hpp>
#include <kubestack/manifests.hpp>
#include <kubestack/references.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack;
using kubestack::emitter::to_model;
using kubestack::emitter::write_model_object;
using kubestack::emitter::YamlWriter;

namespace {

template <class Object>
YAML::Node yaml_of(const Object& object) {
    YamlWriter out;
    kubestack::emitter::TextArena arena;
    write_model_object(out, to_model(object, arena));
    return YAML::Load(out.text());
}

std::vector<std::string> texts(const YAML::Node& sequence) {
    std::vector<std::string> result;
    for (const YAML::Node& item : sequence)
        result.push_back(item.as<std::string>());
    return result;
}

// The first difference between two parsed documents, or "": map keys in any order,
// sequences in order, scalars by their text. `namespace: default` may be written on one
// side only: it is what the API server gives an object without one.
std::string difference(const YAML::Node& got, const YAML::Node& want, const std::string& path) {
    if (got.Type() != want.Type()) return path + ": node types differ";
    switch (want.Type()) {
    case YAML::NodeType::Scalar:
        return got.Scalar() == want.Scalar()
                   ? ""
                   : path + ": '" + got.Scalar() + "' instead of '" + want.Scalar() + "'";
    case YAML::NodeType::Sequence:
        if (got.size() != want.size()) return path + ": sequences of different lengths";
        for (std::size_t i = 0; i < want.size(); ++i)
            if (std::string why = difference(got[i], want[i], path + "[" + std::to_string(i) + "]");
                !why.empty())
                return why;
        return "";
    case YAML::NodeType::Map: {
        for (const auto& entry : got) {
            const std::string key = entry.first.as<std::string>();
            const bool default_namespace = path == ".metadata" && key == "namespace" &&
                                           entry.second.as<std::string>() == "default";
            if (!want[key] && !default_namespace) return path + "." + key + ": not in the original";
        }
        for (const auto& entry : want) {
            const std::string key = entry.first.as<std::string>();
            if (!got[key]) return path + "." + key + ": missing";
            if (std::string why = difference(got[key], entry.second, path + "." + key);
                !why.empty())
                return why;
        }
        return "";
    }
    default:
        return "";
    }
}

// The document of this kind and name in a real stack's original.yaml, or a null node when
// ../shared is not there (outside CI).
YAML::Node original(const std::string& stack, const std::string& kind, const std::string& name) {
    const std::filesystem::path file = std::filesystem::path(KUBESTACK_SOURCE_DIR) /
                                       "../shared/realworld" / stack / "original.yaml";
    if (!std::filesystem::exists(file)) {
        WARN(file.string() << " not found: not compared");
        return {};
    }
    for (const YAML::Node& document : YAML::LoadAllFromFile(file.string()))
        if (document["kind"].as<std::string>() == kind &&
            document["metadata"]["name"].as<std::string>() == name)
            return document;
    FAIL(stack << " has no " << kind << " " << name);
    return {};
}

} // namespace

TEST_CASE("an autoscaler names its target and writes its bounds and metrics", "[autoscaling]") {
    const YAML::Node hpa = yaml_of(samples::web_autoscaler);
    CHECK(hpa["apiVersion"].as<std::string>() == "autoscaling/v2");
    CHECK(hpa["kind"].as<std::string>() == "HorizontalPodAutoscaler");
    CHECK(hpa["metadata"]["name"].as<std::string>() == "web-scaler");
    CHECK(hpa["metadata"]["namespace"].as<std::string>() == "shop"); // the target's
    CHECK(hpa["metadata"]["labels"]["team"].as<std::string>() == "shop");
    const YAML::Node spec = hpa["spec"];
    CHECK(spec["scaleTargetRef"]["apiVersion"].as<std::string>() == "apps/v1");
    CHECK(spec["scaleTargetRef"]["kind"].as<std::string>() == "Deployment");
    CHECK(spec["scaleTargetRef"]["name"].as<std::string>() == "web");
    CHECK(spec["minReplicas"].as<int>() == 2);
    CHECK(spec["maxReplicas"].as<int>() == 20);
    REQUIRE(spec["metrics"].size() == 2);
    CHECK(spec["metrics"][0]["type"].as<std::string>() == "Resource");
    CHECK(spec["metrics"][0]["resource"]["name"].as<std::string>() == "cpu");
    CHECK(spec["metrics"][0]["resource"]["target"]["type"].as<std::string>() == "Utilization");
    CHECK(spec["metrics"][0]["resource"]["target"]["averageUtilization"].as<int>() == 60);
    CHECK(spec["metrics"][1]["resource"]["name"].as<std::string>() == "memory");
    CHECK(spec["metrics"][1]["resource"]["target"]["type"].as<std::string>() == "AverageValue");
    CHECK(spec["metrics"][1]["resource"]["target"]["averageValue"].as<std::string>() == "512Mi");
    CHECK(!spec["metrics"][1]["resource"]["target"]["averageUtilization"]);
    CHECK(spec["behavior"]["scaleDown"]["stabilizationWindowSeconds"].as<int>() == 300);
    CHECK(spec["behavior"]["scaleUp"]["stabilizationWindowSeconds"].as<int>() == 0);
}

TEST_CASE("a second target for the same resource replaces the first", "[autoscaling]") {
    STATIC_REQUIRE([] {
        const auto hpa =
            horizontalPodAutoscaler(samples::web).cpuUtilization(50).cpuAverageValue("200m");
        return hpa.metrics().size() == 1 && !hpa.metrics()[0].is_utilization() &&
               hpa.metrics()[0].average_value == "200m";
    }());
}

TEST_CASE("an autoscaler without minReplicas or behavior leaves them out", "[autoscaling]") {
    const YAML::Node spec = yaml_of(horizontalPodAutoscaler(samples::web).maxReplicas(4))["spec"];
    CHECK(!spec["minReplicas"]);
    CHECK(!spec["behavior"]);
    CHECK(!spec["metrics"]);
    CHECK(spec["maxReplicas"].as<int>() == 4);
}

TEST_CASE("the HPA walkthrough's autoscaler is written as the original",
          "[autoscaling][realworld]") {
    const YAML::Node want = original("php-apache-hpa", "HorizontalPodAutoscaler", "php-apache");
    if (want) CHECK(difference(yaml_of(samples::php_apache_autoscaler), want, "") == "");
}

TEST_CASE("a disruption budget writes its selector and one of its bounds", "[policy]") {
    const YAML::Node budget = yaml_of(samples::web_budget);
    CHECK(budget["apiVersion"].as<std::string>() == "policy/v1");
    CHECK(budget["kind"].as<std::string>() == "PodDisruptionBudget");
    CHECK(budget["metadata"]["namespace"].as<std::string>() == "shop");
    const YAML::Node spec = budget["spec"];
    CHECK(spec["selector"]["matchLabels"]["app"].as<std::string>() == "web");
    CHECK(spec["selector"]["matchLabels"].size() == 1);
    CHECK(spec["minAvailable"].as<std::string>() == "50%");
    CHECK(!spec["maxUnavailable"]);
    CHECK(spec["unhealthyPodEvictionPolicy"].as<std::string>() == "AlwaysAllow");

    const YAML::Node count = yaml_of(samples::zk_budget)["spec"];
    CHECK(count["maxUnavailable"].as<int>() == 1);
    CHECK(count["maxUnavailable"].Tag() == "?"); // plain: an integer
    CHECK(!count["minAvailable"]);
    CHECK(!count["unhealthyPodEvictionPolicy"]);
}

TEST_CASE("ZooKeeper's disruption budget is written as the original", "[policy][realworld]") {
    const YAML::Node want = original("zookeeper", "PodDisruptionBudget", "zk-pdb");
    if (want) CHECK(difference(yaml_of(samples::zk_budget), want, "") == "");
}

TEST_CASE("a storage class writes its provisioner, parameters and policies", "[storage]") {
    const YAML::Node retained = yaml_of(samples::retained);
    CHECK(retained["apiVersion"].as<std::string>() == "storage.k8s.io/v1");
    CHECK(retained["kind"].as<std::string>() == "StorageClass");
    CHECK(!retained["metadata"]["namespace"]); // cluster-scoped
    CHECK(retained["metadata"]["annotations"]["storageclass.kubernetes.io/is-default-class"]
              .as<std::string>() == "true");
    CHECK(retained["provisioner"].as<std::string>() == "ebs.csi.aws.com");
    CHECK(retained["reclaimPolicy"].as<std::string>() == "Retain");
    CHECK(retained["volumeBindingMode"].as<std::string>() == "WaitForFirstConsumer");
    CHECK(retained["allowVolumeExpansion"].as<bool>());
    CHECK(texts(retained["mountOptions"]) == std::vector<std::string>{"debug"});
    CHECK(!retained["parameters"]);

    const YAML::Node fast = yaml_of(samples::fast);
    CHECK(fast["parameters"]["type"].as<std::string>() == "pd-ssd");
    for (const char* absent : {"reclaimPolicy", "volumeBindingMode", "allowVolumeExpansion"})
        CHECK(!fast[absent]);
}

TEST_CASE("Cassandra's storage class is written as the original", "[storage][realworld]") {
    const YAML::Node want = original("cassandra", "StorageClass", "fast");
    if (want) CHECK(difference(yaml_of(samples::fast), want, "") == "");
}

TEST_CASE("a network policy writes its pods, peers, ports and policy types", "[network]") {
    const YAML::Node policy = yaml_of(samples::db_policy);
    CHECK(policy["apiVersion"].as<std::string>() == "networking.k8s.io/v1");
    CHECK(policy["kind"].as<std::string>() == "NetworkPolicy");
    CHECK(policy["metadata"]["namespace"].as<std::string>() == "shop");
    const YAML::Node spec = policy["spec"];
    CHECK(spec["podSelector"]["matchLabels"]["app"].as<std::string>() == "db");
    CHECK(texts(spec["policyTypes"]) == std::vector<std::string>{"Ingress", "Egress"});

    REQUIRE(spec["ingress"].size() == 1);
    const YAML::Node from = spec["ingress"][0]["from"];
    REQUIRE(from.size() == 3);
    // web is in the policy's namespace: a pod selector alone.
    CHECK(from[0]["podSelector"]["matchLabels"]["app"].as<std::string>() == "web");
    CHECK(!from[0]["namespaceSelector"]);
    // monitor is in another: its namespace, by the name label the API server sets.
    CHECK(from[1]["podSelector"]["matchLabels"]["app"].as<std::string>() == "monitor");
    CHECK(from[1]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
              .as<std::string>() == "monitoring");
    CHECK(from[2]["namespaceSelector"]["matchLabels"]["team"].as<std::string>() == "ops");
    CHECK(from[2]["podSelector"]["matchLabels"]["role"].as<std::string>() == "admin");
    const YAML::Node ports = spec["ingress"][0]["ports"];
    REQUIRE(ports.size() == 2);
    CHECK(ports[0]["port"].as<int>() == 5432);
    CHECK(ports[0]["protocol"].as<std::string>() == "TCP");
    CHECK(ports[1]["port"].as<std::string>() == "metrics");

    REQUIRE(spec["egress"].size() == 1);
    const YAML::Node to = spec["egress"][0]["to"];
    CHECK(to[0]["ipBlock"]["cidr"].as<std::string>() == "10.0.0.0/8");
    CHECK(texts(to[0]["ipBlock"]["except"]) == std::vector<std::string>{"10.1.0.0/16"});
    CHECK(!to[0]["podSelector"]);
    const YAML::Node range = spec["egress"][0]["ports"][0];
    CHECK(range["port"].as<int>() == 32000);
    CHECK(range["endPort"].as<int>() == 32768);
    CHECK(range["protocol"].as<std::string>() == "UDP");
}

TEST_CASE("a policy with no rule denies: all pods, ingress or egress", "[network]") {
    const YAML::Node deny_all = yaml_of(samples::deny_all)["spec"];
    CHECK(deny_all["podSelector"].IsMap());
    CHECK(deny_all["podSelector"].size() == 0); // {}: every pod of the namespace
    CHECK(texts(deny_all["policyTypes"]) == std::vector<std::string>{"Ingress"});
    CHECK(!deny_all["ingress"]);
    CHECK(!deny_all["egress"]);
    const YAML::Node no_egress = yaml_of(samples::no_egress)["spec"];
    CHECK(texts(no_egress["policyTypes"]) == std::vector<std::string>{"Egress"});
}

TEST_CASE("a rule with no peers or no ports leaves the list out: it allows any", "[network]") {
    const auto policy = networkPolicy("web").selects(samples::web).allowFrom({}, {networkPort(80)});
    const YAML::Node rule = yaml_of(policy)["spec"]["ingress"][0];
    CHECK(!rule["from"]);
    CHECK(rule["ports"][0]["port"].as<int>() == 80);
}

TEST_CASE("a role and its bindings to a role and to a cluster role", "[rbac]") {
    const YAML::Node role = yaml_of(samples::pod_reader);
    CHECK(role["apiVersion"].as<std::string>() == "rbac.authorization.k8s.io/v1");
    CHECK(role["kind"].as<std::string>() == "Role");
    CHECK(role["metadata"]["namespace"].as<std::string>() == "shop");
    REQUIRE(role["rules"].size() == 1);
    CHECK(texts(role["rules"][0]["apiGroups"]) == std::vector<std::string>{""});
    CHECK(texts(role["rules"][0]["resources"]) == std::vector<std::string>{"pods", "pods/log"});
    CHECK(texts(role["rules"][0]["verbs"]) == std::vector<std::string>{"get", "list", "watch"});

    const YAML::Node binding = yaml_of(samples::read_pods);
    CHECK(binding["kind"].as<std::string>() == "RoleBinding");
    CHECK(binding["metadata"]["namespace"].as<std::string>() == "shop"); // the role's
    CHECK(binding["roleRef"]["apiGroup"].as<std::string>() == "rbac.authorization.k8s.io");
    CHECK(binding["roleRef"]["kind"].as<std::string>() == "Role");
    CHECK(binding["roleRef"]["name"].as<std::string>() == "pod-reader");
    REQUIRE(binding["subjects"].size() == 2);
    CHECK(binding["subjects"][0]["kind"].as<std::string>() == "ServiceAccount");
    CHECK(binding["subjects"][0]["name"].as<std::string>() == "shop");
    CHECK(binding["subjects"][0]["namespace"].as<std::string>() == "shop");
    CHECK(binding["subjects"][1]["name"].as<std::string>() == "deployer");
    CHECK(binding["subjects"][1]["namespace"].as<std::string>() == "ci");

    const YAML::Node viewers = yaml_of(samples::shop_viewers);
    CHECK(viewers["roleRef"]["kind"].as<std::string>() == "ClusterRole");
    CHECK(viewers["roleRef"]["name"].as<std::string>() == "view");
    CHECK(viewers["metadata"]["namespace"].as<std::string>() == "shop");
}

TEST_CASE("the value rules' predicates", "[network][policy][storage]") {
    STATIC_REQUIRE(is_cidr("10.0.0.0/8"));
    STATIC_REQUIRE(is_cidr("0.0.0.0/0"));
    STATIC_REQUIRE(is_cidr("2001:db8::/32"));
    STATIC_REQUIRE(is_cidr("::/0"));
    STATIC_REQUIRE(is_cidr("1:2:3:4:5:6:7:8/128"));
    STATIC_REQUIRE_FALSE(is_cidr("10.0.0.0"));
    STATIC_REQUIRE_FALSE(is_cidr("10.0.0.0/33"));
    STATIC_REQUIRE_FALSE(is_cidr("10.0.0.256/8"));
    STATIC_REQUIRE_FALSE(is_cidr("010.0.0.0/8")); // a leading zero: octal to some parsers
    STATIC_REQUIRE_FALSE(is_cidr("10.0.0/8"));
    STATIC_REQUIRE_FALSE(is_cidr("::1::/64"));
    STATIC_REQUIRE_FALSE(is_cidr("1:2:3:4:5:6:7:8:9/64"));
    STATIC_REQUIRE_FALSE(is_cidr("::/129"));
    STATIC_REQUIRE(is_cidr_inside("10.0.0.0/8", "10.255.0.0/16"));
    STATIC_REQUIRE_FALSE(is_cidr_inside("10.0.0.0/8", "10.0.0.0/8"));
    STATIC_REQUIRE_FALSE(is_cidr_inside("10.0.0.0/8", "11.0.0.0/16"));
    STATIC_REQUIRE_FALSE(is_cidr_inside("10.0.0.0/8", "fd00::/16"));
    STATIC_REQUIRE(is_percentage_up_to_100("0%"));
    STATIC_REQUIRE(is_percentage_up_to_100("100%"));
    STATIC_REQUIRE_FALSE(is_percentage_up_to_100("101%"));
    STATIC_REQUIRE_FALSE(is_percentage_up_to_100("50"));
    STATIC_REQUIRE_FALSE(is_percentage_up_to_100("%"));
    STATIC_REQUIRE(is_provisioner("kubernetes.io/aws-ebs"));
    STATIC_REQUIRE(is_provisioner("Kubernetes.IO/AWS-EBS"));
    STATIC_REQUIRE_FALSE(is_provisioner("k8s.io/minikube/hostpath"));
    STATIC_REQUIRE_FALSE(is_provisioner("-driver"));
}

namespace {

// The HPA walkthrough and a little more, as one stack.
constexpr Stack autoscaled_shop() {
    const auto web = deployment("web").inNamespace("shop").image("web:1").port("http", 8080);
    const auto reader = role("pod-reader")
                            .inNamespace("shop")
                            .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    const auto account = serviceAccount("web").inNamespace("shop");
    return stack().targets("1.23").apply(
        namespace_("shop"), horizontalPodAutoscaler(web).maxReplicas(5).cpuUtilization(70),
        podDisruptionBudget("web").selects(web).maxUnavailable(1), web,
        networkPolicy("web").selects(web).allowFrom({}, {networkPort("http")}), account,
        roleBinding("web").role(reader).subject(account), reader,
        storageClass("fast", "k8s.io/minikube-hostpath"));
}

} // namespace

TEST_CASE("a stack applies the added kinds and writes them in apply order", "[stack]") {
    STATIC_REQUIRE(check_stack(autoscaled_shop()).empty());
    std::vector<std::string> files;
    std::vector<std::string> kinds;
    for (const Document& document : render_documents(autoscaled_shop())) {
        files.push_back(document.file);
        kinds.push_back(document.kind);
    }
    CHECK(kinds == std::vector<std::string>{"Namespace", "ServiceAccount", "Role", "RoleBinding",
                                            "StorageClass", "NetworkPolicy", "Deployment",
                                            "HorizontalPodAutoscaler", "PodDisruptionBudget"});
    CHECK(files == std::vector<std::string>{
                       "shop.namespace.yaml", "web.rbac.yaml", "pod-reader.rbac.yaml",
                       "web.rbac.yaml", "fast.storageclass.yaml", "web.networkpolicy.yaml",
                       "web.deployment.yaml", "web.autoscaler.yaml", "web.disruptionbudget.yaml"});
    const std::vector<Document> documents = render_documents(autoscaled_shop());
    const YAML::Node autoscaler = YAML::Load(documents[7].yaml);
    CHECK(autoscaler["apiVersion"].as<std::string>() == "autoscaling/v2");
    CHECK(autoscaler["metadata"]["namespace"].as<std::string>() == "shop");
    CHECK(autoscaler["spec"]["scaleTargetRef"]["name"].as<std::string>() == "web");
    // The autoscaler owns the replica count: the Deployment leaves it out.
    CHECK(!YAML::Load(documents[6].yaml)["spec"]["replicas"]);
}

TEST_CASE("the whole-stack rules of the added kinds", "[stack]") {
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto web = deployment("web").image("web:1").replicas(2);
                       return stack().apply(web, horizontalPodAutoscaler(web).maxReplicas(3));
                   }()) == std::vector{StackRule::autoscaled_replicas_written});
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto web = deployment("web").image("web:1");
                       return stack().apply(horizontalPodAutoscaler("web").maxReplicas(3), web);
                   }()) == std::vector{StackRule::autoscaler_target_missing});
    STATIC_REQUIRE(
        rules_broken_by([] {
            const auto web = deployment("web").inNamespace("shop").image("web:1");
            // Moved out of the target's namespace after scales().
            return stack().apply(
                namespace_("shop"), namespace_("other"), web,
                horizontalPodAutoscaler("web").scales(web).inNamespace("other").maxReplicas(3));
        }()) == std::vector{StackRule::autoscaler_target_missing});
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto web = deployment("web").image("web:1");
                       return stack().apply(web, horizontalPodAutoscaler(web));
                   }()) == std::vector{StackRule::autoscaler_max_replicas_missing});
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto web = deployment("web").image("web:1");
                       return stack().apply(
                           web, podDisruptionBudget("web").selector("app", "wbe").minAvailable(1),
                           networkPolicy("web").selector("app", "wbe"));
                   }()) == std::vector{StackRule::disruption_budget_selects_no_pod,
                                       StackRule::network_policy_selects_no_pod});
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto account = serviceAccount("web");
                       const auto edit = clusterRole("edit");
                       return stack().apply(account,
                                            roleBinding("web").role(edit).subject(account));
                   }()) == std::vector{StackRule::role_missing});
    STATIC_REQUIRE(rules_broken_by([] {
                       const auto web = deployment("web").image("web:1");
                       return stack().targets("1.22").apply(
                           web, horizontalPodAutoscaler(web).maxReplicas(2));
                   }()) == std::vector{StackRule::api_version_not_served});
}

TEST_CASE("the added kinds' references: scales, selects, grants", "[stack]") {
    STATIC_REQUIRE([] {
        const Stack s = autoscaled_shop();
        const auto found = [&](Relation relation, std::string_view from_kind,
                               std::string_view to_kind, std::string_view to) {
            for (const Reference& r : references_of(view_of(s)))
                if (r.relation == relation && kind_name(r.from.kind) == from_kind &&
                    kind_name(r.to.kind) == to_kind && r.to.name == to && r.to.ns == "shop")
                    return true;
            return false;
        };
        return found(Relation::Scales, "HorizontalPodAutoscaler", "Deployment", "web") &&
               found(Relation::Selects, "PodDisruptionBudget", "Deployment", "web") &&
               found(Relation::Selects, "NetworkPolicy", "Deployment", "web") &&
               found(Relation::GrantsRole, "RoleBinding", "Role", "pod-reader") &&
               found(Relation::GrantsTo, "RoleBinding", "ServiceAccount", "web") &&
               references_of(view_of(s)).size() == 5;
    }());
}

TEST_CASE("a stack without namespaces leaves the added kinds' namespace to kubectl", "[stack]") {
    // The HPA walkthrough's files name no namespace: `kubectl apply -n` chooses it.
    constexpr auto walkthrough = [] {
        const auto php_apache = deployment("php-apache").image("registry.k8s.io/hpa-example");
        const auto placed = deployment("placed").inNamespace("shop").image("web:1");
        return stack().withoutNamespaces().apply(
            namespace_("shop"), php_apache,
            horizontalPodAutoscaler(php_apache).minReplicas(1).maxReplicas(10).cpuUtilization(50),
            placed, podDisruptionBudget("placed").selects(placed).minAvailable(1));
    };
    STATIC_REQUIRE(check_stack(walkthrough()).empty());
    const std::vector<Document> documents = render_documents(walkthrough());
    REQUIRE(documents.size() == 5);
    CHECK(documents[0].kind == "Namespace");
    CHECK(documents[3].kind == "HorizontalPodAutoscaler");
    CHECK(!YAML::Load(documents[3].yaml)["metadata"]["namespace"]);
    // A budget of a workload placed with inNamespace() keeps that namespace.
    CHECK(documents[4].kind == "PodDisruptionBudget");
    CHECK(YAML::Load(documents[4].yaml)["metadata"]["namespace"].as<std::string>() == "shop");
}
