// The generic emitter of the API model (include/kubestack/emit/model_yaml.hpp), which writes every
// manifest: it reproduces the Bernstein stack's committed poll objects byte for byte, and
// follows its rules for order, absent and empty values, int-or-string, open JSON values and
// quoting.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <kubestack/api/apiextensions/v1.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/emit/model_yaml.hpp>
#include <limits>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack::api;
using kubestack::emitter::render_model;
using kubestack::emitter::write_model_object;
using kubestack::emitter::YamlWriter;

namespace {

template <class Object>
std::string yaml_of(const Object& object) {
    YamlWriter out;
    write_model_object(out, object);
    return out.text();
}

// The first difference between two parsed documents, or "" when they hold the same
// values: map keys in any order, sequences in order, scalars with their text and with
// whether they were quoted (yaml-cpp's tag "!" for a quoted scalar, "?" for a plain one).
std::string difference(const YAML::Node& got, const YAML::Node& want, const std::string& path) {
    if (got.Type() != want.Type()) return path + ": node types differ";
    switch (want.Type()) {
    case YAML::NodeType::Scalar:
        if (got.Scalar() != want.Scalar())
            return path + ": '" + got.Scalar() + "' instead of '" + want.Scalar() + "'";
        if (got.Tag() != want.Tag()) return path + ": quoted in one and plain in the other";
        return "";
    case YAML::NodeType::Sequence:
        if (got.size() != want.size()) return path + ": sequences of different lengths";
        for (std::size_t i = 0; i < want.size(); ++i)
            if (std::string why = difference(got[i], want[i], path + "[" + std::to_string(i) + "]");
                !why.empty())
                return why;
        return "";
    case YAML::NodeType::Map:
        if (got.size() != want.size()) return path + ": maps of different sizes";
        for (const auto& entry : want) {
            const std::string key = entry.first.as<std::string>();
            const YAML::Node other = got[key];
            if (!other) return path + "." + key + ": missing";
            if (std::string why = difference(other, entry.second, path + "." + key); !why.empty())
                return why;
        }
        return "";
    default:
        return "";
    }
}

YAML::Node committed(const std::string& file) {
    return YAML::LoadFile(std::string(KUBESTACK_SOURCE_DIR) + "/generated/" + file);
}

Map<String> app_labels(std::string_view app) {
    Map<String> labels;
    labels.push_back({"app", app});
    return labels;
}

meta::v1::ObjectMeta object_meta(std::string_view name) {
    meta::v1::ObjectMeta meta;
    meta.name = name;
    meta.namespace_ = "default";
    return meta;
}

// stack/bernstein.cpp's poll deployment, written with the model's types.
apps::v1::Deployment poll_deployment() {
    apps::v1::Deployment poll;
    poll.metadata = object_meta("poll");
    poll.metadata->labels = app_labels("poll");
    apps::v1::DeploymentSpec& spec = poll.spec.emplace();
    spec.replicas = 2;
    spec.selector.matchLabels = app_labels("poll");
    spec.template_.metadata.emplace().labels = app_labels("poll");

    core::v1::Container container;
    container.name = "poll";
    container.image = "epitechcontent/t-dop-600-poll:k8s";
    core::v1::ContainerPort http;
    http.name = "http";
    http.containerPort = 80;
    http.protocol = "TCP";
    container.ports.emplace().push_back(http);
    core::v1::EnvVar redis_host;
    redis_host.name = "REDIS_HOST";
    core::v1::ConfigMapKeySelector& key = redis_host.valueFrom.emplace().configMapKeyRef.emplace();
    key.name = "redis";
    key.key = "REDIS_HOST";
    container.env.emplace().push_back(redis_host);
    container.resources.emplace().limits.emplace().push_back({"memory", Quantity("128M")});
    container.securityContext.emplace().allowPrivilegeEscalation = false;

    core::v1::PodSpec& pod = spec.template_.spec.emplace();
    pod.containers.push_back(container);
    pod.restartPolicy = "Always";
    pod.automountServiceAccountToken = false;
    pod.securityContext.emplace().seccompProfile.emplace().type = "RuntimeDefault";
    core::v1::PodAffinityTerm apart;
    apart.labelSelector.emplace().matchLabels = app_labels("poll");
    apart.topologyKey = "kubernetes.io/hostname";
    pod.affinity.emplace()
        .podAntiAffinity.emplace()
        .requiredDuringSchedulingIgnoredDuringExecution.emplace()
        .push_back(apart);
    return poll;
}

core::v1::Service poll_service() {
    core::v1::Service service;
    service.metadata = object_meta("poll");
    core::v1::ServiceSpec& spec = service.spec.emplace();
    spec.type = "ClusterIP";
    spec.selector = app_labels("poll");
    core::v1::ServicePort http;
    http.name = "http";
    http.port = 80;
    http.targetPort = IntOrString("http");
    http.protocol = "TCP";
    spec.ports.emplace().push_back(http);
    return service;
}

networking::v1::Ingress poll_ingress() {
    networking::v1::Ingress ingress;
    ingress.metadata = object_meta("poll");
    ingress.metadata->annotations.emplace().push_back({"kubernetes.io/ingress.class", "traefik"});
    networking::v1::HTTPIngressPath root;
    root.path = "/";
    root.pathType = "Prefix";
    networking::v1::IngressServiceBackend& backend = root.backend.service.emplace();
    backend.name = "poll";
    backend.port.emplace().number = 80;
    networking::v1::IngressRule rule;
    rule.host = "poll.dop.io";
    rule.http.emplace().paths.push_back(root);
    ingress.spec.emplace().rules.emplace().push_back(rule);
    return ingress;
}

// The top-level keys of a written document, in order.
std::vector<std::string> top_keys(const std::string& yaml) {
    std::vector<std::string> keys;
    for (const auto& entry : YAML::Load(yaml))
        keys.push_back(entry.first.as<std::string>());
    return keys;
}

} // namespace

TEST_CASE("the model emitter writes Bernstein's poll objects as the DSL's emitter does",
          "[model_yaml]") {
    const auto check = [](const std::string& written, const std::string& file) {
        INFO(written);
        CHECK(difference(YAML::Load(written), committed(file), file) == "");
        // Byte for byte too, in the house order, after the file's comment line.
        std::ifstream in(std::string(KUBESTACK_SOURCE_DIR) + "/generated/" + file);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        CHECK(text.substr(text.find('\n') + 1) == written);
    };
    check(yaml_of(poll_deployment()), "poll.deployment.yaml");
    check(yaml_of(poll_service()), "poll.service.yaml");
    check(yaml_of(poll_ingress()), "poll.ingress.yaml");
}

TEST_CASE("the comparison with the committed files sees a changed value, key or quoting",
          "[model_yaml]") {
    apps::v1::Deployment three = poll_deployment();
    three.spec->replicas = 3;
    CHECK(difference(YAML::Load(yaml_of(three)), committed("poll.deployment.yaml"), "") ==
          ".spec.replicas: '3' instead of '2'");
    apps::v1::Deployment paused = poll_deployment();
    paused.spec->paused = false;
    CHECK(difference(YAML::Load(yaml_of(paused)), committed("poll.deployment.yaml"), "") ==
          ".spec: maps of different sizes");
    core::v1::Service by_number = poll_service();
    (*by_number.spec->ports)[0].targetPort = IntOrString(80);
    CHECK(difference(YAML::Load(yaml_of(by_number)), committed("poll.service.yaml"), "") ==
          ".spec.ports[0].targetPort: '80' instead of 'http'");
    CHECK(difference(YAML::Load("a: \"80\""), YAML::Load("a: 80"), "") ==
          ".a: quoted in one and plain in the other");
    CHECK(difference(YAML::Load("a: [1]"), YAML::Load("a: [1, 2]"), "") ==
          ".a: sequences of different lengths");
    CHECK(difference(YAML::Load("a: 1"), YAML::Load("b: 1"), "") == ".b: missing");
}

TEST_CASE("a model document renders like the DSL's, named after its object", "[model_yaml]") {
    const kubestack::Document document = render_model(poll_ingress());
    CHECK(document.api_version == "networking.k8s.io/v1");
    CHECK(document.kind == "Ingress");
    CHECK(document.name == "poll");
    CHECK(document.ns == "default");
    CHECK(document.file == "poll.ingress.yaml");
    CHECK(document.yaml == yaml_of(poll_ingress()));

    core::v1::ConfigMap unnamed;
    CHECK_THROWS_WITH(render_model(unnamed),
                      "ConfigMap: metadata.name is required to name its file");
}

TEST_CASE("a kind opens with apiVersion, kind and metadata, then the house order", "[model_yaml]") {
    core::v1::Pod pod;
    pod.status.emplace().phase = "Running";
    pod.spec.emplace().containers.push_back(core::v1::Container{});
    pod.metadata = object_meta("web");
    CHECK(top_keys(yaml_of(pod)) ==
          std::vector<std::string>{"apiVersion", "kind", "metadata", "spec", "status"});
    CHECK(yaml_of(pod).rfind("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n", 0) == 0);

    // Without metadata, apiVersion and kind still come first.
    core::v1::Namespace bare;
    CHECK(yaml_of(bare) == "apiVersion: v1\nkind: Namespace\n");
}

TEST_CASE("unset fields are left out, required ones are written even when default",
          "[model_yaml]") {
    core::v1::ContainerPort port; // containerPort is required; the rest is optional
    CHECK(yaml_of(port) == "containerPort: 0\n");
    port.hostIP = "localhost";
    CHECK(yaml_of(port) == "containerPort: 0\nhostIP: localhost\n");

    core::v1::Container container; // name is required
    CHECK(yaml_of(container) == "name: \"\"\n");
    apps::v1::DeploymentSpec spec; // selector and template are required
    CHECK(yaml_of(spec) == "selector: {}\ntemplate: {}\n");
}

TEST_CASE("a set but empty list, map or object is written [] or {}", "[model_yaml]") {
    core::v1::Container container;
    container.name = "web";
    container.args = List<String>{};
    container.env = List<core::v1::EnvVar>{};
    container.resources.emplace().limits = Map<Quantity>{};
    container.securityContext.emplace();
    const std::string yaml = yaml_of(container);
    // House order: name, args, env, resources, then the rest in the spec's order.
    CHECK(yaml == "name: web\nargs: []\nenv: []\nresources:\n  limits: {}\nsecurityContext: {}\n");
    const YAML::Node read = YAML::Load(yaml);
    CHECK(read["args"].IsSequence());
    CHECK(read["args"].size() == 0);
    CHECK(read["resources"]["limits"].IsMap());
    CHECK(read["securityContext"].IsMap());

    // A map keeps the order its entries were given in.
    Map<String> labels;
    labels.push_back({"zeta", "1"});
    labels.push_back({"alpha", "2"});
    meta::v1::ObjectMeta meta;
    meta.labels = labels;
    CHECK(yaml_of(meta) == "labels:\n  zeta: \"1\"\n  alpha: \"2\"\n");
}

TEST_CASE("an int-or-string is written as a number or as a string", "[model_yaml]") {
    core::v1::ServicePort port;
    port.port = 443;
    port.targetPort = IntOrString(8443);
    CHECK(yaml_of(port) == "port: 443\ntargetPort: 8443\n");
    CHECK(YAML::Load(yaml_of(port))["targetPort"].Tag() == "?");
    port.targetPort = IntOrString("https");
    CHECK(yaml_of(port) == "port: 443\ntargetPort: https\n");
    port.targetPort = IntOrString("8443"); // a name that looks like a number stays a name
    CHECK(yaml_of(port) == "port: 443\ntargetPort: \"8443\"\n");
}

TEST_CASE("text that a YAML 1.1 reader would take for another type stays a string",
          "[model_yaml]") {
    for (const char* text : {"5432", "yes", "+.inf", "null", "0x1F", "1e3", "~", ""}) {
        core::v1::EnvVar var;
        var.name = "VALUE";
        var.value = text;
        const std::string yaml = yaml_of(var);
        INFO(yaml);
        const YAML::Node read = YAML::Load(yaml)["value"];
        CHECK(read.Tag() == "!");
        CHECK(read.as<std::string>() == text);
    }
}

TEST_CASE("numbers, booleans and quantities keep their types", "[model_yaml]") {
    core::v1::PodSpec pod;
    pod.containers.push_back(core::v1::Container{});
    pod.containers[0].name = "app";
    pod.containers[0].resources.emplace().requests.emplace().push_back({"cpu", Quantity("1")});
    pod.hostNetwork = true;
    pod.activeDeadlineSeconds = std::int64_t{9007199254740993};
    CHECK(yaml_of(pod) == "containers:\n"
                          "  - name: app\n"
                          "    resources:\n"
                          "      requests:\n"
                          "        cpu: \"1\"\n"
                          "activeDeadlineSeconds: 9007199254740993\n"
                          "hostNetwork: true\n");
}

TEST_CASE("doubles are written in their shortest form, as YAML 1.1 numbers", "[model_yaml]") {
    const auto written = [](double value) {
        apiextensions::v1::JSONSchemaProps props;
        props.maximum = value;
        return yaml_of(props);
    };
    CHECK(written(0.1) == "maximum: 0.1\n");
    CHECK(written(2) == "maximum: 2\n");
    CHECK(written(1e100) == "maximum: 1.0e+100\n");
    CHECK(written(-2.5e-7) == "maximum: -2.5e-07\n");
    CHECK(YAML::Load(written(1e100))["maximum"].as<double>() == 1e100);
    CHECK_THROWS_WITH(written(std::numeric_limits<double>::infinity()),
                      "maximum: an infinity is not a number JSON or "
                      "Kubernetes can carry");
}

TEST_CASE("an open JSON value is written as YAML with its JSON types", "[model_yaml]") {
    apps::v1::ControllerRevision revision;
    revision.data = Json(R"({"replicas": 3, "name": "web", "ratio": 1e5, "on": true,
        "off": false, "none": null, "quoted": "5432", "ports": [80, "http", [1, 2], {}],
        "nested": {"empty": [], "deep": {"é\n": "a\u00e9\ud83d\ude00\"\\\/\t"}}})");
    revision.revision = 7;
    const std::string yaml = yaml_of(revision);
    INFO(yaml);
    CHECK(yaml == "apiVersion: apps/v1\n"
                  "kind: ControllerRevision\n"
                  "data:\n"
                  "  replicas: 3\n"
                  "  name: web\n"
                  "  ratio: 1.0e+5\n"
                  "  \"on\": true\n"
                  "  \"off\": false\n"
                  "  none: null\n"
                  "  quoted: \"5432\"\n"
                  "  ports:\n"
                  "    - 80\n"
                  "    - http\n"
                  "    - - 1\n"
                  "      - 2\n"
                  "    - {}\n"
                  "  nested:\n"
                  "    empty: []\n"
                  "    deep:\n"
                  "      \"é\\n\": \"aé😀\\\"\\\\/\\t\"\n"
                  "revision: 7\n");
    const YAML::Node data = YAML::Load(yaml)["data"];
    CHECK(data["replicas"].as<int>() == 3);
    CHECK(data["ratio"].as<double>() == 1e5);
    CHECK(data["none"].IsNull());
    CHECK(data["quoted"].Tag() == "!");
    CHECK(data["ports"][2][1].as<int>() == 2);
    CHECK(data["ports"][3].IsMap());
    CHECK(data["nested"]["deep"]["é\n"].as<std::string>() == "aé😀\"\\/\t");

    revision.data = Json("[]");
    CHECK(yaml_of(revision) == "apiVersion: apps/v1\nkind: ControllerRevision\ndata: []\n"
                               "revision: 7\n");
    revision.data = Json(R"("text")");
    CHECK(yaml_of(revision) == "apiVersion: apps/v1\nkind: ControllerRevision\ndata: text\n"
                               "revision: 7\n");
}

TEST_CASE("invalid JSON is refused with the field's path and where it breaks", "[model_yaml]") {
    apps::v1::Deployment deployment = poll_deployment();
    core::v1::Container& container = deployment.spec->template_.spec->containers[0];
    const auto refused = [&](std::string_view json) {
        apps::v1::ControllerRevision revision;
        revision.metadata = object_meta("rev");
        revision.data = Json(json);
        try {
            (void)yaml_of(revision);
        } catch (const std::invalid_argument& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK(refused(R"({"a": 1,})") ==
          "ControllerRevision \"rev\": data: invalid JSON at byte 8: expected a member name in "
          "double quotes");
    CHECK(refused("") == "ControllerRevision \"rev\": data: invalid JSON at byte 0: expected a "
                         "value, found the end of the text");
    CHECK(refused("{'a': 1}").find("byte 1: expected a member name") != std::string::npos);
    CHECK(refused("[1, 2] 3").find("byte 7: text after the value") != std::string::npos);
    CHECK(refused("01").find("a number cannot start with 0") != std::string::npos);
    CHECK(refused("1.").find("expected a digit") != std::string::npos);
    CHECK(refused("tru").find("expected true") != std::string::npos);
    CHECK(refused(R"({"a": 1, "a": 2})").find("duplicate member \"a\"") != std::string::npos);
    CHECK(refused("\"a\tb\"").find("a control character") != std::string::npos);
    CHECK(refused(R"("\ud800")").find("a high surrogate without") != std::string::npos);
    CHECK(refused(R"("\x41")").find("unknown escape \\x") != std::string::npos);
    CHECK(refused("\"\xff\"").find("byte 1: not valid UTF-8") != std::string::npos);
    CHECK(refused(std::string(300, '[') + std::string(300, ']')).find("nested deeper") !=
          std::string::npos);
    CHECK(refused(R"({"a": [1, {"b": null}], "c": -0.5e-3})") == "accepted");

    // Deeper in an object: the path names every step, list indexes and map keys included.
    (*container.resources->limits)[0].value = Quantity("\xc3");
    CHECK_THROWS_WITH(
        yaml_of(deployment),
        "Deployment \"poll\": spec.template.spec.containers[0].resources.limits[memory]: not "
        "valid UTF-8 at byte 0, which YAML cannot hold");
}

TEST_CASE("a list the house style marks is written in flow style, its items checked",
          "[model_yaml]") {
    rbac::v1::PolicyRule rule;
    rule.apiGroups = List<String>{};
    rule.resources.emplace().push_back("pods");
    rule.resources->push_back("pods/log");
    rule.verbs.push_back("get");
    CHECK(yaml_of(rule) == "apiGroups: []\nresources: [pods, pods/log]\nverbs: [get]\n");
    core::v1::Container container;
    container.name = "app";
    container.command.emplace().push_back("yes");
    container.args.emplace().push_back("a b");
    container.args->push_back("");
    container.env.emplace(); // not marked: a block sequence, here empty
    CHECK(yaml_of(container) == "name: app\ncommand: [\"yes\"]\nargs: [a b, \"\"]\nenv: []\n");
    rule.verbs.push_back("\xff");
    CHECK_THROWS_WITH(yaml_of(rule), "verbs[1]: not valid UTF-8 at byte 0, which YAML cannot hold");
}

TEST_CASE("a map key given twice is refused with its path", "[model_yaml]") {
    meta::v1::ObjectMeta meta = object_meta("web");
    meta.labels = app_labels("web");
    meta.labels->push_back({"app", "other"});
    CHECK_THROWS_WITH(yaml_of(meta), "labels[app]: the key is given twice");
}

TEST_CASE("the model emitter writes the same text every time", "[model_yaml]") {
    const std::string first = render_model(poll_deployment()).yaml;
    for (int i = 0; i < 3; ++i)
        CHECK(render_model(poll_deployment()).yaml == first);
}

namespace {

// A struct written by hand in the generated shape, as an imported CRD's types will be.
struct CertificateSpec {
    String secretName{};
    Optional<List<String>> dnsNames{};
    Optional<Json> issuerRef{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"dnsNames"}, self.dnsNames);
        visit(FieldInfo{"issuerRef"}, self.issuerRef);
        visit(FieldInfo{"secretName", true}, self.secretName);
    }
};

struct Certificate {
    static constexpr std::string_view api_version = "cert-manager.io/v1";
    static constexpr std::string_view kind = "Certificate";

    Optional<CertificateSpec> spec{};
    Optional<meta::v1::ObjectMeta> metadata{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"spec"}, self.spec);
        visit(FieldInfo{"metadata"}, self.metadata);
    }
};

} // namespace

TEST_CASE("any struct with a generated-style visit_fields is written, such as a CRD's",
          "[model_yaml]") {
    Certificate certificate;
    certificate.metadata = object_meta("shop-tls");
    CertificateSpec& spec = certificate.spec.emplace();
    spec.secretName = "shop-tls";
    spec.dnsNames.emplace().push_back("shop.example.com");
    spec.issuerRef = Json(R"({"name": "letsencrypt", "kind": "ClusterIssuer"})");
    const kubestack::Document document = render_model(certificate);
    CHECK(document.file == "shop-tls.certificate.yaml");
    CHECK(document.yaml == "apiVersion: cert-manager.io/v1\n"
                           "kind: Certificate\n"
                           "metadata:\n"
                           "  name: shop-tls\n"
                           "  namespace: default\n"
                           "spec:\n"
                           "  dnsNames:\n"
                           "    - shop.example.com\n"
                           "  issuerRef:\n"
                           "    name: letsencrypt\n"
                           "    kind: ClusterIssuer\n"
                           "  secretName: shop-tls\n");
}
