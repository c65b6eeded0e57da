// Ingresses (networking.k8s.io/v1): host rules routed to a Service's port.
#pragma once

#include <initializer_list>
#include <kubestack/config.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/http.hpp>
#include <kubestack/kubernetes_version.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/names.hpp>
#include <kubestack/service.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(host_must_be_a_lowercase_dns_name_optionally_starting_with_a_wildcard)
KUBESTACK_BROKEN_RULE(ingress_backend_port_is_not_a_port_of_the_service)
} // namespace broken_rule

constexpr bool is_ingress_host(std::string_view text) {
    if (text.starts_with("*.")) text.remove_prefix(2);
    return is_dns_subdomain(text) &&
           !detail::all_of(text, [](char c) { return detail::is_digit(c) || c == '.'; });
}

namespace rules {
struct IngressHost {
    static constexpr auto accepts = is_ingress_host;
    KUBESTACK_REJECTED_BY(host_must_be_a_lowercase_dns_name_optionally_starting_with_a_wildcard)
};
} // namespace rules

using Host = detail::CheckedText<rules::IngressHost>;

enum class PathType { Prefix, Exact, ImplementationSpecific };

constexpr std::string_view to_string(PathType type) {
    switch (type) {
    case PathType::Exact:
        return "Exact";
    case PathType::ImplementationSpecific:
        return "ImplementationSpecific";
    default:
        return "Prefix";
    }
}

struct IngressRoute {
    std::string_view host;
    std::string_view path;
    PathType path_type = PathType::Prefix;
    std::string_view service;
    int port = 0;
    bool service_created_elsewhere = false;
};

inline constexpr std::string_view ingress_class_annotation = "kubernetes.io/ingress.class";

// TLS for some hosts, with the certificate and key of a Secret of the Ingress's namespace.
struct IngressTls {
    std::string_view secret;
    detail::FixedList<std::string_view, limits::tls_hosts> hosts;
    bool secret_created_elsewhere = false;
};

class Ingress : public Resource<Ingress> {
public:
    constexpr explicit Ingress(Name name)
        : Resource(name) {}

    // Routes every path of `host` to the Service's port (its first port by default).
    constexpr Ingress& route(Host host, const Service& backend) {
        return route(host, "/", backend);
    }
    constexpr Ingress& route(Host host, HttpPath path, const Service& backend) {
        // Port 0 when the Service has none, which the whole-stack rules report.
        return add(host, path, backend, backend.ports().empty() ? 0 : backend.ports().front().port);
    }
    // The Service's port of that name: a DNS label, as a Service's port names are.
    constexpr Ingress& route(Host host, HttpPath path, const Service& backend, DnsLabel port_name) {
        for (const ServicePort& p : backend.ports())
            if (p.name == port_name) return add(host, path, backend, p.port);
        broken_rule::ingress_backend_port_is_not_a_port_of_the_service(this->meta_.broken);
        return *this;
    }
    // Terminates TLS for the hosts with the Secret's certificate (type kubernetes.io/tls,
    // often made by cert-manager: secret("web-tls").createdElsewhere()).
    constexpr Ingress& tls(const Secret& certificate, std::initializer_list<Host> hosts) {
        IngressTls entry{certificate.name(), {}, certificate.metadata().created_elsewhere};
        for (const Host& host : hosts)
            entry.hosts.push_back(host);
        tls_.push_back(entry);
        return *this;
    }
    // networking.k8s.io/v1 by default; the v1beta1 forms are for clusters before 1.19
    // and controllers that only read them. The target version decides what is served.
    constexpr Ingress& apiVersion(IngressApi api) {
        api_ = api;
        return *this;
    }
    // The modern way to pick a controller: spec.ingressClassName.
    constexpr Ingress& className(Name ingress_class) {
        class_name_ = ingress_class;
        return *this;
    }
    // The kubernetes.io/ingress.class annotation, which older controllers such as
    // Traefik 1.7 read instead of spec.ingressClassName.
    constexpr Ingress& classAnnotation(LabelValue ingress_class) {
        meta_.annotations.set(ingress_class_annotation, ingress_class);
        return *this;
    }

    constexpr std::string_view class_name() const { return class_name_; }
    constexpr IngressApi api() const { return api_; }
    constexpr ServedVersions served_versions() const { return kubestack::served_versions(api_); }
    constexpr const auto& routes() const { return routes_; }
    constexpr const auto& tls_entries() const { return tls_; }

private:
    constexpr Ingress& add(std::string_view host, std::string_view path, const Service& backend,
                           int port) {
        routes_.push_back({host, path, PathType::Prefix, backend.name(), port,
                           backend.metadata().created_elsewhere});
        return *this;
    }

    std::string_view class_name_;
    IngressApi api_ = IngressApi::networking_v1;
    detail::FixedList<IngressRoute, limits::routes> routes_;
    detail::FixedList<IngressTls, limits::tls_entries> tls_;
};

constexpr Ingress ingress(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Ingress(name), where);
}

} // namespace kubestack
