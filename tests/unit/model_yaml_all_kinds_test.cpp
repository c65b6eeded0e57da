// The generic emitter compiles for every struct of three big groups of the model (apps/v1,
// batch/v1, networking/v1, and through them most of core/v1 and meta/v1), so that a field
// type it has no rule for is a compile error here. Each struct is then filled, every field
// set and every list and map given one item, and written: the output must parse, and hold
// as many values as were put in.
#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/batch/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <string>
#include <yaml-cpp/yaml.h>

using namespace kubestack::api;
using kubestack::emitter::ModelKind;
using kubestack::emitter::ModelStruct;
using kubestack::emitter::write_model_object;
using kubestack::emitter::YamlWriter;

// The lists are written out rather than read from the headers so that a struct added by
// a regeneration shows up in review; tools/generate_model.py writes one struct per line.
// Every struct of <kubestack/api/apps/v1.hpp>, in its order.
#define KUBESTACK_APPS_V1_STRUCTS(X)                                                               \
    X(apps::v1, ControllerRevision)                                                                \
    X(apps::v1, ControllerRevisionList)                                                            \
    X(apps::v1, RollingUpdateDaemonSet)                                                            \
    X(apps::v1, DaemonSetUpdateStrategy)                                                           \
    X(apps::v1, DaemonSetSpec)                                                                     \
    X(apps::v1, DaemonSetStatus)                                                                   \
    X(apps::v1, DaemonSet)                                                                         \
    X(apps::v1, DaemonSetCondition)                                                                \
    X(apps::v1, DaemonSetList)                                                                     \
    X(apps::v1, RollingUpdateDeployment)                                                           \
    X(apps::v1, DeploymentStrategy)                                                                \
    X(apps::v1, DeploymentSpec)                                                                    \
    X(apps::v1, DeploymentStatus)                                                                  \
    X(apps::v1, Deployment)                                                                        \
    X(apps::v1, DeploymentCondition)                                                               \
    X(apps::v1, DeploymentList)                                                                    \
    X(apps::v1, ReplicaSetSpec)                                                                    \
    X(apps::v1, ReplicaSetStatus)                                                                  \
    X(apps::v1, ReplicaSet)                                                                        \
    X(apps::v1, ReplicaSetCondition)                                                               \
    X(apps::v1, ReplicaSetList)                                                                    \
    X(apps::v1, RollingUpdateStatefulSetStrategy)                                                  \
    X(apps::v1, StatefulSetOrdinals)                                                               \
    X(apps::v1, StatefulSetPersistentVolumeClaimRetentionPolicy)                                   \
    X(apps::v1, StatefulSetUpdateStrategy)                                                         \
    X(apps::v1, StatefulSetSpec)                                                                   \
    X(apps::v1, StatefulSetStatus)                                                                 \
    X(apps::v1, StatefulSet)                                                                       \
    X(apps::v1, StatefulSetCondition)                                                              \
    X(apps::v1, StatefulSetList)

// Every struct of <kubestack/api/batch/v1.hpp>, in its order.
#define KUBESTACK_BATCH_V1_STRUCTS(X)                                                              \
    X(batch::v1, PodFailurePolicy)                                                                 \
    X(batch::v1, SuccessPolicy)                                                                    \
    X(batch::v1, JobSpec)                                                                          \
    X(batch::v1, JobTemplateSpec)                                                                  \
    X(batch::v1, CronJobSpec)                                                                      \
    X(batch::v1, CronJobStatus)                                                                    \
    X(batch::v1, CronJob)                                                                          \
    X(batch::v1, CronJobList)                                                                      \
    X(batch::v1, UncountedTerminatedPods)                                                          \
    X(batch::v1, JobStatus)                                                                        \
    X(batch::v1, Job)                                                                              \
    X(batch::v1, JobCondition)                                                                     \
    X(batch::v1, JobList)                                                                          \
    X(batch::v1, PodFailurePolicyOnExitCodesRequirement)                                           \
    X(batch::v1, PodFailurePolicyOnPodConditionsPattern)                                           \
    X(batch::v1, PodFailurePolicyRule)                                                             \
    X(batch::v1, SuccessPolicyRule)

// Every struct of <kubestack/api/networking/v1.hpp>, in its order.
#define KUBESTACK_NETWORKING_V1_STRUCTS(X)                                                         \
    X(networking::v1, ServiceBackendPort)                                                          \
    X(networking::v1, IngressServiceBackend)                                                       \
    X(networking::v1, IngressBackend)                                                              \
    X(networking::v1, HTTPIngressPath)                                                             \
    X(networking::v1, HTTPIngressRuleValue)                                                        \
    X(networking::v1, ParentReference)                                                             \
    X(networking::v1, IPAddressSpec)                                                               \
    X(networking::v1, IPAddress)                                                                   \
    X(networking::v1, IPAddressList)                                                               \
    X(networking::v1, IPBlock)                                                                     \
    X(networking::v1, IngressSpec)                                                                 \
    X(networking::v1, IngressLoadBalancerStatus)                                                   \
    X(networking::v1, IngressStatus)                                                               \
    X(networking::v1, Ingress)                                                                     \
    X(networking::v1, IngressClassParametersReference)                                             \
    X(networking::v1, IngressClassSpec)                                                            \
    X(networking::v1, IngressClass)                                                                \
    X(networking::v1, IngressClassList)                                                            \
    X(networking::v1, IngressList)                                                                 \
    X(networking::v1, IngressLoadBalancerIngress)                                                  \
    X(networking::v1, IngressPortStatus)                                                           \
    X(networking::v1, IngressRule)                                                                 \
    X(networking::v1, IngressTLS)                                                                  \
    X(networking::v1, NetworkPolicySpec)                                                           \
    X(networking::v1, NetworkPolicy)                                                               \
    X(networking::v1, NetworkPolicyEgressRule)                                                     \
    X(networking::v1, NetworkPolicyIngressRule)                                                    \
    X(networking::v1, NetworkPolicyList)                                                           \
    X(networking::v1, NetworkPolicyPeer)                                                           \
    X(networking::v1, NetworkPolicyPort)                                                           \
    X(networking::v1, ServiceCIDRSpec)                                                             \
    X(networking::v1, ServiceCIDRStatus)                                                           \
    X(networking::v1, ServiceCIDR)                                                                 \
    X(networking::v1, ServiceCIDRList)
namespace {

template <class T>
inline constexpr bool not_filled = false;

// Sets every field of an object, gives every list and map one item, and counts the
// scalar values that the YAML must then hold.
struct Filler {
    int values = 0;
    bool number_next = false; // int-or-strings alternate between number and name

    template <class T>
    void fill(T& value) {
        if constexpr (is_optional<T>) {
            fill(value.emplace());
        } else if constexpr (std::is_same_v<T, bool>) {
            value = true;
            ++values;
        } else if constexpr (std::is_integral_v<T>) {
            value = 42;
            ++values;
        } else if constexpr (std::is_same_v<T, double>) {
            value = 0.25;
            ++values;
        } else if constexpr (std::is_same_v<T, String>) {
            value = "text";
            ++values;
        } else if constexpr (std::is_same_v<T, Quantity>) {
            value = Quantity("250m");
            ++values;
        } else if constexpr (std::is_same_v<T, IntOrString>) {
            value = number_next ? IntOrString(8080) : IntOrString("http");
            number_next = !number_next;
            ++values;
        } else if constexpr (std::is_same_v<T, Json>) {
            value = Json(R"({"open": [1]})");
            ++values;
        } else if constexpr (is_list<T>) {
            using Item = std::remove_cvref_t<decltype(value[0])>;
            Item item{};
            if constexpr (is_entry<Item>) {
                item.key = "key";
                fill(item.value);
            } else {
                fill(item);
            }
            value.push_back(item);
        } else if constexpr (ModelStruct<T>) {
            if constexpr (ModelKind<T>) values += 2; // apiVersion and kind
            T::visit_fields(value, [&](const FieldInfo&, auto& member) { fill(member); });
        } else {
            static_assert(not_filled<T>, "the filler has no rule for this field type");
        }
    }
};

int scalars_in(const YAML::Node& node) {
    if (node.IsScalar()) return 1;
    int count = 0;
    if (node.IsSequence())
        for (const YAML::Node& item : node)
            count += scalars_in(item);
    if (node.IsMap())
        for (const auto& entry : node)
            count += scalars_in(entry.second);
    return count;
}

template <class Struct>
void check_written(std::string_view name) {
    INFO(name);
    Struct empty{};
    YamlWriter empty_out;
    write_model_object(empty_out, empty);
    CHECK_NOTHROW(YAML::Load(empty_out.text()));

    Struct full{};
    Filler filler;
    filler.fill(full);
    YamlWriter out;
    write_model_object(out, full);
    const std::string yaml = out.text();
    const YAML::Node read = YAML::Load(yaml);
    CHECK(read.IsMap());
    CHECK(scalars_in(read) == filler.values);
    if constexpr (ModelKind<Struct>) {
        CHECK(read["apiVersion"].as<std::string>() == Struct::api_version);
        CHECK(read["kind"].as<std::string>() == Struct::kind);
    }
}

} // namespace

#define KUBESTACK_CHECK_STRUCT(group, type) check_written<group::type>(#group "::" #type);

TEST_CASE("every struct of apps/v1 is written whole by the model emitter",
          "[model_yaml]"){KUBESTACK_APPS_V1_STRUCTS(KUBESTACK_CHECK_STRUCT)}

TEST_CASE("every struct of batch/v1 is written whole by the model emitter",
          "[model_yaml]"){KUBESTACK_BATCH_V1_STRUCTS(KUBESTACK_CHECK_STRUCT)}

TEST_CASE("every struct of networking/v1 is written whole by the model emitter",
          "[model_yaml]"){KUBESTACK_NETWORKING_V1_STRUCTS(KUBESTACK_CHECK_STRUCT)}

TEST_CASE("the filler's count sees a value the emitter would drop", "[model_yaml]") {
    // The check above relies on scalars_in() and the Filler agreeing; a struct written
    // without one of its fields must show up as a lower count.
    apps::v1::RollingUpdateDeployment update{};
    Filler filler;
    filler.fill(update);
    update.maxSurge = Optional<IntOrString>{};
    YamlWriter out;
    write_model_object(out, update);
    CHECK(scalars_in(YAML::Load(out.text())) == filler.values - 1);
}
