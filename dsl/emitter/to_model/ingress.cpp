// Ingresses, in networking.k8s.io/v1 or in the v1beta1 form that older clusters serve.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

api::List<api::networking::v1::IngressTLS> tls_of(const Ingress& object) {
    api::List<api::networking::v1::IngressTLS> tls;
    for (const IngressTls& entry : object.tls_entries()) {
        api::networking::v1::IngressTLS out;
        out.secretName = entry.secret;
        if (!entry.hosts.empty()) out.hosts = to_model_detail::strings(entry.hosts);
        tls.push_back(out);
    }
    return tls;
}

api::networking::v1::Ingress v1_ingress(const Ingress& object) {
    namespace networking = api::networking::v1;
    networking::Ingress model;
    model.metadata = to_model(object.metadata());
    networking::IngressSpec& spec = model.spec.emplace();
    if (!object.class_name().empty()) spec.ingressClassName = object.class_name();
    if (!object.tls_entries().empty()) spec.tls = tls_of(object);
    api::List<networking::IngressRule>& rules = spec.rules.emplace();
    for (const IngressRoute& route : object.routes()) {
        networking::HTTPIngressPath path;
        path.path = route.path;
        path.pathType = to_string(route.path_type);
        networking::IngressServiceBackend& service = path.backend.service.emplace();
        service.name = route.service;
        service.port.emplace().number = route.port;
        networking::IngressRule rule;
        rule.host = route.host;
        rule.http.emplace().paths.push_back(path);
        rules.push_back(rule);
    }
    return model;
}

// extensions/v1beta1 or networking.k8s.io/v1beta1: the backend is serviceName and
// servicePort, and there is no pathType (the controller's default applies).
template <class LegacyIngress>
LegacyIngress v1beta1_ingress(const Ingress& object) {
    namespace v1beta1 = legacy::v1beta1;
    LegacyIngress model;
    model.metadata = to_model(object.metadata());
    v1beta1::IngressSpec& spec = model.spec.emplace();
    if (!object.class_name().empty()) spec.ingressClassName = object.class_name();
    if (!object.tls_entries().empty()) spec.tls = tls_of(object);
    api::List<v1beta1::IngressRule>& rules = spec.rules.emplace();
    for (const IngressRoute& route : object.routes()) {
        v1beta1::HTTPIngressPath path;
        path.path = route.path;
        path.backend.serviceName = route.service;
        path.backend.servicePort = api::IntOrString(route.port);
        v1beta1::IngressRule rule;
        rule.host = route.host;
        rule.http.emplace().paths.push_back(path);
        rules.push_back(rule);
    }
    return model;
}

} // namespace

IngressModel to_model(const Ingress& object, TextArena&) {
    switch (object.api()) {
    case IngressApi::networking_v1beta1:
        return v1beta1_ingress<legacy::networking::v1beta1::Ingress>(object);
    case IngressApi::extensions_v1beta1:
        return v1beta1_ingress<legacy::extensions::v1beta1::Ingress>(object);
    default:
        return v1_ingress(object);
    }
}

} // namespace kubestack::emitter
