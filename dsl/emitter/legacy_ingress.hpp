// The v1beta1 Ingress, as extensions/v1beta1 and networking.k8s.io/v1beta1 served it until
// Kubernetes 1.21 (Traefik 1.7 reads only the former). The 1.36 spec the model is generated
// from no longer has them, so these few structs are written by hand, after the Kubernetes
// 1.21 OpenAPI definitions io.k8s.api.{extensions,networking}.v1beta1.Ingress*, with only
// the fields the Ingress builder sets. They have the generated structs' shape (Optional
// members, visit_fields() with wire names, required flags, the house order: path, pathType,
// backend) so that the generic emitter writes them as it writes the model.
#pragma once

#include <kubestack/api/meta/v1.hpp>
#include <kubestack/api_types.hpp>
#include <string_view>

namespace kubestack::emitter::legacy::v1beta1 {

using api::FieldInfo;
using api::IntOrString;
using api::List;
using api::Optional;
using api::String;

// A backend named by the Service and its port, not by a nested service object as in v1.
struct IngressBackend {
    Optional<String> serviceName{};
    Optional<IntOrString> servicePort{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"serviceName"}, self.serviceName);
        visit(FieldInfo{"servicePort"}, self.servicePort);
    }
};

struct HTTPIngressPath {
    IngressBackend backend{};
    Optional<String> path{};
    Optional<String> pathType{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"path"}, self.path);
        visit(FieldInfo{"pathType"}, self.pathType);
        visit(FieldInfo{"backend", true}, self.backend);
    }
};

struct HTTPIngressRuleValue {
    List<HTTPIngressPath> paths{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"paths", true}, self.paths);
    }
};

struct IngressRule {
    Optional<String> host{};
    Optional<HTTPIngressRuleValue> http{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"host"}, self.host);
        visit(FieldInfo{"http"}, self.http);
    }
};

struct IngressSpec {
    Optional<String> ingressClassName{};
    Optional<List<IngressRule>> rules{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"ingressClassName"}, self.ingressClassName);
        visit(FieldInfo{"rules"}, self.rules);
    }
};

// The kind itself, in either group: only apiVersion tells them apart.
template <class Group>
struct IngressIn {
    static constexpr std::string_view api_version = Group::api_version;
    static constexpr std::string_view kind = "Ingress";
    static constexpr std::string_view resource = "ingresses";
    static constexpr bool namespaced = true;

    Optional<api::meta::v1::ObjectMeta> metadata{};
    Optional<IngressSpec> spec{};

    template <class Self, class Visitor>
    static constexpr void visit_fields(Self& self, Visitor&& visit) {
        visit(FieldInfo{"metadata"}, self.metadata);
        visit(FieldInfo{"spec"}, self.spec);
    }
};

struct NetworkingGroup {
    static constexpr std::string_view api_version = "networking.k8s.io/v1beta1";
};
struct ExtensionsGroup {
    static constexpr std::string_view api_version = "extensions/v1beta1";
};

} // namespace kubestack::emitter::legacy::v1beta1

namespace kubestack::emitter::legacy::networking::v1beta1 {
using Ingress = legacy::v1beta1::IngressIn<legacy::v1beta1::NetworkingGroup>;
} // namespace kubestack::emitter::legacy::networking::v1beta1

namespace kubestack::emitter::legacy::extensions::v1beta1 {
using Ingress = legacy::v1beta1::IngressIn<legacy::v1beta1::ExtensionsGroup>;
} // namespace kubestack::emitter::legacy::extensions::v1beta1
