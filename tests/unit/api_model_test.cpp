#include <catch2/catch.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <string_view>

using namespace kubestack::api;

namespace {

// Collects what visit_fields() reports of a struct, in a constant expression.
struct FieldNames {
    std::string_view names[64]{};
    bool required[64]{};
    std::string_view keys[64]{};
    int count = 0;

    template <class Value>
    constexpr void operator()(const FieldInfo& info, const Value&) {
        names[count] = info.name;
        required[count] = info.required;
        keys[count] = info.list_map_keys;
        ++count;
    }
    constexpr int find(std::string_view name) const {
        for (int i = 0; i < count; ++i)
            if (names[i] == name) return i;
        return -1;
    }
};

template <class Struct>
constexpr FieldNames fields_of() {
    FieldNames names;
    const Struct object{};
    Struct::visit_fields(object, names);
    return names;
}

} // namespace

TEST_CASE("a kind of the model knows its apiVersion, kind, resource and scope", "[api]") {
    STATIC_REQUIRE(apps::v1::Deployment::api_version == "apps/v1");
    STATIC_REQUIRE(apps::v1::Deployment::kind == "Deployment");
    STATIC_REQUIRE(apps::v1::Deployment::resource == "deployments");
    STATIC_REQUIRE(apps::v1::Deployment::namespaced);
    STATIC_REQUIRE(core::v1::Service::api_version == "v1");
    STATIC_REQUIRE(rbac::v1::ClusterRole::api_version == "rbac.authorization.k8s.io/v1");
    STATIC_REQUIRE_FALSE(rbac::v1::ClusterRole::namespaced);
    STATIC_REQUIRE_FALSE(core::v1::PersistentVolume::namespaced);
}

TEST_CASE("visit_fields names every field as the wire does, with required and list keys", "[api]") {
    constexpr FieldNames spec = fields_of<apps::v1::DeploymentSpec>();
    STATIC_REQUIRE(spec.find("template") >= 0); // the member is template_
    STATIC_REQUIRE(spec.required[spec.find("selector")]);
    STATIC_REQUIRE_FALSE(spec.required[spec.find("replicas")]);
    STATIC_REQUIRE(spec.find("apiVersion") < 0);

    constexpr FieldNames meta = fields_of<meta::v1::ObjectMeta>();
    STATIC_REQUIRE(meta.find("namespace") >= 0); // the member is namespace_

    constexpr FieldNames pod = fields_of<core::v1::PodSpec>();
    STATIC_REQUIRE(pod.keys[pod.find("containers")] == "name");
    STATIC_REQUIRE(pod.required[pod.find("containers")]);

    constexpr FieldNames container = fields_of<core::v1::Container>();
    STATIC_REQUIRE(container.keys[container.find("ports")] == "containerPort,protocol");
    STATIC_REQUIRE(container.required[container.find("name")]);
}

TEST_CASE("a model object is built and read in a constant expression", "[api]") {
    STATIC_REQUIRE([] {
        apps::v1::Deployment poll;
        poll.metadata = meta::v1::ObjectMeta{};
        poll.metadata->name = "poll";
        poll.metadata->labels = Map<String>{};
        poll.metadata->labels->push_back({"app", "poll"});
        apps::v1::DeploymentSpec& spec = poll.spec.emplace();
        spec.replicas = 2;
        core::v1::Container main{};
        main.name = "poll";
        main.image = "epitechcontent/t-dop-600-poll:k8s";
        main.ports = List<core::v1::ContainerPort>{};
        main.ports->push_back({.containerPort = 80, .name = "http", .protocol = "TCP"});
        spec.template_.spec.emplace().containers.push_back(main);
        const apps::v1::Deployment copy = poll;
        const core::v1::Container& written = copy.spec->template_.spec->containers[0];
        return *copy.metadata->name == "poll" && *copy.spec->replicas == 2 &&
               !copy.spec->paused.has_value() && written.ports->size() == 1 &&
               (*written.ports)[0].containerPort == 80 && *written.image != "";
    }());
}

TEST_CASE("int-or-string and quantities keep what was given", "[api]") {
    STATIC_REQUIRE(IntOrString(8080).number == 8080);
    STATIC_REQUIRE_FALSE(IntOrString(8080).is_text);
    STATIC_REQUIRE(IntOrString("http").is_text);
    STATIC_REQUIRE(IntOrString("http").text == "http");
    STATIC_REQUIRE(Quantity("128Mi").text == "128Mi");
}
