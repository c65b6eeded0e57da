// Services: ClusterIP, headless, NodePort or LoadBalancer, selecting pods by label and
// forwarding ports to them.
//
// `service(poll)` builds the Service from the workload it exposes: same name and
// namespace, the workload's selector, and one port per container port: a named one
// targeted by name, an unnamed one by its number. Such a Service cannot select the wrong
// pods or a port nobody serves.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/pods_created_elsewhere.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/workload.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(node_port_names_a_port_that_the_service_does_not_define)
} // namespace broken_rule

enum class ServiceType { ClusterIP, NodePort, LoadBalancer };

constexpr std::string_view to_string(ServiceType type) {
    switch (type) {
    case ServiceType::NodePort:
        return "NodePort";
    case ServiceType::LoadBalancer:
        return "LoadBalancer";
    default:
        return "ClusterIP";
    }
}

// A Service port's target: a container port's name ("http") or number (8080).
struct TargetPort {
    std::string_view name;
    int number = 0; // with no name either: the Service port's own number, left unwritten

    constexpr TargetPort() = default;
    consteval TargetPort(const char* port_name)
        : name(PortName(port_name)) {}
    consteval TargetPort(int port_number)
        : number(Port(port_number)) {}
    constexpr TargetPort(detail::Unchecked, std::string_view port_name)
        : name(port_name) {}
};

struct ServicePort {
    std::string_view name;
    int port = 0;
    TargetPort target;
    int node_port = 0; // 0: none
    Protocol protocol = Protocol::TCP;
};

class Service;
// The Service of a workload's pods, with a port for each of its containers' ports.
template <class W>
constexpr Service service(const Workload<W>& workload, SourcePlace where = SourcePlace::here());

class Service : public Resource<Service> {
public:
    constexpr explicit Service(ServiceName name)
        : Resource(name) {}

    constexpr Service& type(ServiceType kind) {
        type_ = kind;
        return *this;
    }
    constexpr Service& selector(LabelKey key, LabelValue value) {
        selector_.set(key, value);
        this->meta_.selects_pods_created_elsewhere = false; // a selector by hand is checked
        return *this;
    }
    // A Service's own port names are DNS labels (validateServicePort); a named target is a
    // container port's name, of the stricter grammar of PortName.
    constexpr Service& port(DnsLabel name, Port number, TargetPort target,
                            Protocol protocol = Protocol::TCP) {
        ports_.push_back({name, number, target, 0, protocol});
        return *this;
    }
    // A port forwarded to the same number on the pods: port("mysql", 3306), or port(3306)
    // when it is the Service's only port (Kubernetes requires names once there are two).
    constexpr Service& port(DnsLabel name, Port number, Protocol protocol = Protocol::TCP) {
        ports_.push_back({name, number, {}, 0, protocol});
        return *this;
    }
    constexpr Service& port(Port number, Protocol protocol = Protocol::TCP) {
        ports_.push_back({{}, number, {}, 0, protocol});
        return *this;
    }
    constexpr Service& port(Port number, TargetPort target, Protocol protocol = Protocol::TCP) {
        ports_.push_back({{}, number, target, 0, protocol});
        return *this;
    }
    // Selects the pods of a workload, or pods created elsewhere, by their selector, in their
    // namespace.
    template <SelectablePods Pods>
    constexpr Service& selects(const Pods& pods) {
        selector_ = this->select_pods_of(pods);
        return *this;
    }
    // No cluster IP (clusterIP: None): DNS names each selected pod, as a StatefulSet needs.
    constexpr Service& headless() {
        headless_ = true;
        return *this;
    }
    constexpr Service& loadBalancer() { return type(ServiceType::LoadBalancer); }
    // Opens the named port on every node, and makes this a NodePort Service.
    constexpr Service& nodePort(DnsLabel port_name, NodePort number) {
        bool found = false;
        for (ServicePort& port : ports_)
            if (port.name == port_name.view()) {
                port.node_port = number;
                found = true;
            }
        if (!found)
            broken_rule::node_port_names_a_port_that_the_service_does_not_define(
                this->meta_.broken);
        if (type_ != ServiceType::LoadBalancer) type_ = ServiceType::NodePort;
        return *this;
    }

    constexpr ServiceType service_type() const { return type_; }
    constexpr bool headless_service() const { return headless_; }
    constexpr const Labels& selector() const { return selector_; }
    constexpr const auto& ports() const { return ports_; }

    template <class W>
    friend constexpr Service service(const Workload<W>& workload, SourcePlace where);

private:
    constexpr Service(detail::Unchecked, std::string_view name)
        : Resource(name) {}

    ServiceType type_ = ServiceType::ClusterIP;
    bool headless_ = false;
    Labels selector_;
    detail::FixedList<ServicePort, limits::ports> ports_;
};

constexpr Service service(ServiceName name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Service(name), where);
}

template <class W>
constexpr Service service(const Workload<W>& workload, SourcePlace where) {
    // Named after the workload, which object_rules.hpp checks is also a DNS-1035 label.
    Service exposed(detail::unchecked, workload.name());
    exposed.selects(static_cast<const W&>(workload));
    for (const Container& c : workload.pod().containers)
        for (const ContainerPort& p : c.ports())
            exposed.ports_.push_back(
                {p.name, p.number,
                 p.name.empty() ? TargetPort() : TargetPort(detail::unchecked, p.name), 0,
                 p.protocol});
    // Set in place: detail::written_at takes its object by value, and would copy this
    // local once more for the compiler to evaluate (the other factories pass a temporary).
    exposed.metadata().written_at = where;
    return exposed;
}

// Whether the Service sends traffic to the workload's pods: one of its namespace, and a
// selector that the pods' labels include. A Service without a selector selects nothing.
template <class W>
constexpr bool selects(const Service& service, const Workload<W>& workload) {
    return !service.selector().empty() && service.ns() == workload.ns() &&
           workload.pod().labels.includes(service.selector());
}

} // namespace kubestack
