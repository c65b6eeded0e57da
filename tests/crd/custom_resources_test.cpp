// The example custom resources of ../shared/crds, built as typed objects of the headers
// that kubestack_import_crds() generated from the real CRDs.
//
// Each object is built in a constant expression (checked with STATIC_REQUIRE), then
// walked with visit_fields() into a YAML node and compared with the example document as
// yaml-cpp reads it: every wire name, nesting and value must match the upstream file.
#include <catch2/catch.hpp>
#include <cstdint>
#include <kubestack/crd/cert-manager.io/v1.hpp>
#include <kubestack/crd/monitoring.coreos.com/v1.hpp>
#include <kubestack/crd/traefik.io/v1alpha1.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <kubestack/model_rules.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace api = kubestack::api;
namespace monitoring = kubestack::crd::monitoring_coreos_com::v1;
namespace traefik = kubestack::crd::traefik_io::v1alpha1;
namespace cert_manager = kubestack::crd::cert_manager_io::v1;

namespace {

constexpr api::meta::v1::ObjectMeta metadata(std::string_view name, std::string_view label_key,
                                             std::string_view label_value) {
    api::meta::v1::ObjectMeta meta;
    meta.name = name;
    meta.namespace_ = "default";
    meta.labels.emplace().push_back({label_key, label_value});
    return meta;
}

// servicemonitor.example.yaml
constexpr monitoring::ServiceMonitor prometheus_self() {
    monitoring::ServiceMonitor monitor;
    monitor.metadata = metadata("prometheus-self", "app.kubernetes.io/name", "prometheus");
    monitor.metadata->labels->push_back({"prometheus", "self"});
    monitoring::ServiceMonitorSpecEndpoints endpoint;
    endpoint.interval = "30s";
    endpoint.port = "web";
    monitor.spec.endpoints.push_back(endpoint);
    monitor.spec.selector.matchLabels.emplace().push_back({"app.kubernetes.io/name", "prometheus"});
    return monitor;
}

// ingressroute.example.yaml
constexpr traefik::IngressRoute test_route() {
    traefik::IngressRoute route;
    route.metadata = metadata("test.route", "app", "traefik");
    route.spec.entryPoints.emplace().push_back("web");
    traefik::IngressRouteSpecRoutes rule;
    rule.match = "Host(`foo.com`) && PathPrefix(`/bar`)";
    rule.kind = "Rule";
    rule.priority = 12;
    traefik::IngressRouteSpecRoutesServices whoami;
    whoami.name = "whoami";
    whoami.port = 80;
    rule.services.emplace().push_back(whoami);
    route.spec.routes.push_back(rule);
    route.spec.tls.emplace().options.emplace().name = "mytlsoption";
    route.spec.tls->store.emplace().name = "mytlsstore";
    return route;
}

// The rateLimit Middleware of middleware.example.yaml: a duration on the string side of
// an int-or-string.
constexpr traefik::Middleware ratelimit() {
    traefik::Middleware middleware;
    middleware.metadata.name = "ratelimit";
    middleware.metadata.namespace_ = "default";
    auto& limit = middleware.spec.rateLimit.emplace();
    limit.period = "1m";
    limit.average = 6;
    limit.burst = 12;
    auto& excluded = limit.sourceCriterion.emplace().ipStrategy.emplace().excludedIPs.emplace();
    excluded.push_back("127.0.0.1/32");
    excluded.push_back("192.168.1.7");
    return middleware;
}

// The first Certificate of certificate.example.yaml.
constexpr cert_manager::Certificate test1() {
    cert_manager::Certificate certificate;
    certificate.metadata = metadata("test1", "test", "first");
    auto& spec = certificate.spec.emplace(); // cert-manager's schema requires no spec
    spec.dnsNames.emplace().push_back("example.com");
    spec.issuerRef.group = "cert-manager.io";
    spec.issuerRef.kind = "Issuer";
    spec.issuerRef.name = "selfsigned-issuer";
    spec.secretName = "test1";
    return certificate;
}

// A model object as a YAML node, through visit_fields(): what an emitter would write.
template <class T>
YAML::Node to_node(const T& value);

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<api::Optional<T>> : std::true_type {};
template <class T>
struct IsList : std::false_type {};
template <class T>
struct IsList<api::List<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class T>
struct IsMap<api::Map<T>> : std::true_type {};

struct ToNode {
    YAML::Node& node;
    template <class Value>
    void operator()(const api::FieldInfo& info, const Value& value) {
        if constexpr (IsOptional<Value>::value) {
            if (value) node[std::string(info.name)] = to_node(*value);
        } else {
            node[std::string(info.name)] = to_node(value);
        }
    }
};

template <class T>
YAML::Node to_node(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        return YAML::Node(value);
    } else if constexpr (std::is_integral_v<T>) {
        return YAML::Node(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_convertible_v<T, std::string_view>) {
        return YAML::Node(std::string(std::string_view(value)));
    } else if constexpr (std::is_same_v<T, api::Json>) {
        return YAML::Load(std::string(value.text));
    } else if constexpr (std::is_same_v<T, api::IntOrString>) {
        return value.is_text ? YAML::Node(std::string(value.text)) : YAML::Node(value.number);
    } else if constexpr (IsMap<T>::value) {
        YAML::Node map(YAML::NodeType::Map);
        for (const auto& entry : value)
            map[std::string(entry.key)] = to_node(entry.value);
        return map;
    } else if constexpr (IsList<T>::value) {
        YAML::Node sequence(YAML::NodeType::Sequence);
        for (const auto& item : value)
            sequence.push_back(to_node(item));
        return sequence;
    } else {
        YAML::Node map(YAML::NodeType::Map);
        if constexpr (requires { T::api_version; }) {
            map["apiVersion"] = std::string(T::api_version);
            map["kind"] = std::string(T::kind);
        }
        T::visit_fields(value, ToNode{map});
        return map;
    }
}

// Where two nodes differ, as a path; empty when they are equal (scalars as text).
std::string difference(const YAML::Node& want, const YAML::Node& got, const std::string& path) {
    if (want.Type() != got.Type()) return path + ": a different kind of node";
    if (want.IsScalar())
        return want.Scalar() == got.Scalar() ? ""
                                             : path + ": " + want.Scalar() + " != " + got.Scalar();
    if (want.size() != got.size()) return path + ": a different number of entries";
    if (want.IsSequence()) {
        for (std::size_t i = 0; i < want.size(); ++i)
            if (auto d = difference(want[i], got[i], path + "[" + std::to_string(i) + "]");
                !d.empty())
                return d;
        return "";
    }
    for (const auto& entry : want) {
        const auto key = entry.first.as<std::string>();
        if (!got[key]) return path + "." + key + ": missing";
        if (auto d = difference(entry.second, got[key], path + "." + key); !d.empty()) return d;
    }
    return "";
}

// The document of an example file with the given kind and metadata.name.
YAML::Node example(const std::string& file, const std::string& kind, const std::string& name) {
    for (const auto& document : YAML::LoadAllFromFile(std::string(KUBESTACK_CRDS) + "/" + file))
        if (document["kind"].as<std::string>() == kind &&
            document["metadata"]["name"].as<std::string>() == name)
            return document;
    FAIL(file << " has no " << kind << " " << name);
    return {};
}

} // namespace

TEST_CASE("an imported kind knows its apiVersion, kind, resource and scope", "[crd]") {
    STATIC_REQUIRE(monitoring::ServiceMonitor::api_version == "monitoring.coreos.com/v1");
    STATIC_REQUIRE(monitoring::ServiceMonitor::kind == "ServiceMonitor");
    STATIC_REQUIRE(monitoring::ServiceMonitor::resource == "servicemonitors");
    STATIC_REQUIRE(monitoring::ServiceMonitor::namespaced);
    STATIC_REQUIRE(traefik::IngressRoute::api_version == "traefik.io/v1alpha1");
    STATIC_REQUIRE(traefik::IngressRoute::resource == "ingressroutes");
    STATIC_REQUIRE(traefik::Middleware::kind == "Middleware");
    STATIC_REQUIRE(traefik::IngressRoute::namespaced);
    STATIC_REQUIRE(cert_manager::Certificate::api_version == "cert-manager.io/v1");
    STATIC_REQUIRE(cert_manager::Certificate::kind == "Certificate");
    STATIC_REQUIRE(cert_manager::Certificate::resource == "certificates");
    STATIC_REQUIRE(cert_manager::Certificate::namespaced);
}

TEST_CASE("required properties are plain members, the others Optional", "[crd]") {
    // ServiceMonitor requires spec, and spec requires endpoints and selector.
    STATIC_REQUIRE(
        std::is_same_v<decltype(monitoring::ServiceMonitor::spec), monitoring::ServiceMonitorSpec>);
    STATIC_REQUIRE(std::is_same_v<decltype(monitoring::ServiceMonitorSpec::endpoints),
                                  api::List<monitoring::ServiceMonitorSpecEndpoints>>);
    STATIC_REQUIRE(std::is_same_v<decltype(monitoring::ServiceMonitorSpecEndpoints::targetPort),
                                  api::Optional<api::IntOrString>>);
    // Traefik requires metadata at the top: the built-in ObjectMeta, not optional.
    STATIC_REQUIRE(
        std::is_same_v<decltype(traefik::IngressRoute::metadata), api::meta::v1::ObjectMeta>);
    STATIC_REQUIRE(std::is_same_v<decltype(monitoring::ServiceMonitor::metadata),
                                  api::Optional<api::meta::v1::ObjectMeta>>);
    // A string map, an open object (x-kubernetes-preserve-unknown-fields) and an enum list.
    STATIC_REQUIRE(std::is_same_v<decltype(cert_manager::CertificateSpecSecretTemplate::labels),
                                  api::Optional<api::Map<api::String>>>);
    STATIC_REQUIRE(std::is_same_v<decltype(traefik::MiddlewareSpec::plugin),
                                  api::Optional<api::Map<api::Json>>>);
    STATIC_REQUIRE(std::is_same_v<decltype(cert_manager::CertificateSpec::usages),
                                  api::Optional<api::List<cert_manager::CertificateSpecUsages>>>);
}

TEST_CASE("the example ServiceMonitor is built at compile time", "[crd]") {
    STATIC_REQUIRE([] {
        const auto monitor = prometheus_self();
        const auto& endpoint = monitor.spec.endpoints[0];
        return monitor.metadata->name->size() == 15 && *endpoint.interval == "30s" &&
               *endpoint.port == "web" && !endpoint.targetPort &&
               monitor.spec.selector.matchLabels->front().value == "prometheus";
    }());
    const auto want = example("servicemonitor.example.yaml", "ServiceMonitor", "prometheus-self");
    CHECK(difference(want, to_node(prometheus_self()), "") == "");
}

TEST_CASE("the example IngressRoute is built at compile time, with an integer port", "[crd]") {
    STATIC_REQUIRE([] {
        const auto route = test_route();
        const auto& rule = route.spec.routes[0];
        const auto& port = *rule.services->front().port;
        return *rule.kind == "Rule" && *rule.priority == 12 && !port.is_text && port.number == 80 &&
               route.spec.tls->store->name == "mytlsstore";
    }());
    const auto want = example("ingressroute.example.yaml", "IngressRoute", "test.route");
    CHECK(difference(want, to_node(test_route()), "") == "");
}

TEST_CASE("the example rate-limit Middleware is built at compile time, with a text period",
          "[crd]") {
    STATIC_REQUIRE([] {
        const auto middleware = ratelimit();
        const auto& period = *middleware.spec.rateLimit->period;
        return period.is_text && period.text == "1m" && *middleware.spec.rateLimit->burst == 12;
    }());
    const auto want = example("middleware.example.yaml", "Middleware", "ratelimit");
    CHECK(difference(want, to_node(ratelimit()), "") == "");
}

TEST_CASE("the example Certificate is built at compile time", "[crd]") {
    STATIC_REQUIRE([] {
        const auto certificate = test1();
        return certificate.spec->issuerRef.name == "selfsigned-issuer" &&
               certificate.spec->secretName == "test1" && certificate.spec->dnsNames->size() == 1;
    }());
    const auto want = example("certificate.example.yaml", "Certificate", "test1");
    CHECK(difference(want, to_node(test1()), "") == "");
    // The comparison can fail: another Certificate of the file differs in a named place.
    const auto other = example("certificate.example.yaml", "Certificate", "test2");
    CHECK(difference(other, to_node(test1()), "") == ".metadata.name: test2 != test1");
}

TEST_CASE("enum values are checked against the schema's list", "[crd]") {
    STATIC_REQUIRE([] {
        cert_manager::CertificateSpecPrivateKey key;
        key.algorithm = "ECDSA";
        key.rotationPolicy = "Always";
        cert_manager::CertificateSpec spec;
        spec.usages.emplace().push_back("server auth");
        spec.usages->push_back("digital signature");
        return *key.algorithm == "ECDSA" && spec.usages->back().view() == "digital signature";
    }());
    // The generated lists, exactly as the schemas give them (and case-sensitive).
    STATIC_REQUIRE(monitoring::enums::ServiceMonitorSpecEndpointsScheme::accepts("https"));
    STATIC_REQUIRE(monitoring::enums::ServiceMonitorSpecEndpointsScheme::accepts("HTTPS"));
    STATIC_REQUIRE_FALSE(monitoring::enums::ServiceMonitorSpecEndpointsScheme::accepts("ftp"));
    STATIC_REQUIRE(traefik::enums::IngressRouteSpecRoutesKind::accepts("Rule"));
    STATIC_REQUIRE_FALSE(traefik::enums::IngressRouteSpecRoutesKind::accepts("rule"));
    STATIC_REQUIRE_FALSE(cert_manager::enums::CertificateSpecPrivateKeyAlgorithm::accepts("DSA"));
    STATIC_REQUIRE(monitoring::enums::ServiceMonitorSpecEndpointsScheme::listed ==
                   "http, https, HTTP, HTTPS");
}

TEST_CASE("a value outside the list is reported with the field, and never written", "[crd]") {
    // The value is kept and marked; the stack's rules report it (model_rules.hpp)...
    traefik::IngressRoute route = test_route();
    route.spec.routes[0].kind = "rule";
    STATIC_REQUIRE_FALSE(traefik::IngressRouteSpecRoutesKind("rule").accepted());
    kubestack::detail::RuleReport report;
    kubestack::detail::ModelRules(report).check(route);
    const auto found = report.take();
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == kubestack::StackRule::value_not_in_enum);
    CHECK(std::string_view(found[0].message) ==
          R"(IngressRoute "test.route": spec.routes[0].kind: "rule" is not one of Rule)");
    // ... and the emitter, should it be given one at run time, refuses it.
    CHECK_THROWS_WITH(kubestack::emitter::render_model(route),
                      Catch::Contains("spec.routes[0].kind: \"rule\" is not one of Rule"));
}

TEST_CASE("the generic emitter writes the example resources as the upstream files", "[crd]") {
    // The IngressRoute has an enum (kind: Rule) and Traefik's required, plain metadata.
    const auto route = kubestack::emitter::render_model(test_route());
    CHECK(route.file == "test.route.ingressroute.yaml");
    CHECK(route.ns == "default");
    CHECK_THAT(route.yaml, Catch::Contains("    - kind: Rule\n"));
    CHECK(difference(example("ingressroute.example.yaml", "IngressRoute", "test.route"),
                     YAML::Load(route.yaml), "") == "");
    const auto monitor = kubestack::emitter::render_model(prometheus_self());
    CHECK(difference(example("servicemonitor.example.yaml", "ServiceMonitor", "prometheus-self"),
                     YAML::Load(monitor.yaml), "") == "");
    const auto middleware = kubestack::emitter::render_model(ratelimit());
    CHECK(difference(example("middleware.example.yaml", "Middleware", "ratelimit"),
                     YAML::Load(middleware.yaml), "") == "");
    const auto certificate = kubestack::emitter::render_model(test1());
    CHECK(difference(example("certificate.example.yaml", "Certificate", "test1"),
                     YAML::Load(certificate.yaml), "") == "");
}
