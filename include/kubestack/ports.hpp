// Port numbers, NodePorts and port names.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_number.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(port_number_must_be_between_1_and_65535)
KUBESTACK_BROKEN_RULE(node_port_must_be_between_30000_and_32767)
KUBESTACK_BROKEN_RULE(port_name_must_be_at_most_15_lowercase_alphanumerics_or_dashes_with_a_letter)
} // namespace broken_rule

constexpr bool is_port_number(int number) {
    return number >= 1 && number <= 65535;
}
// The default --service-node-port-range of the API server (kubestack-import reads it).
inline constexpr int first_node_port = 30000;
inline constexpr int last_node_port = 32767;
constexpr bool is_node_port(int number) {
    return number >= first_node_port && number <= last_node_port;
}

// IANA service name, as Kubernetes validates port names.
constexpr bool is_port_name(std::string_view text) {
    return !text.empty() && text.size() <= 15 && text.front() != '-' && text.back() != '-' &&
           text.find("--") == std::string_view::npos && detail::any_of(text, detail::is_lower) &&
           detail::all_of(text, [](char c) { return detail::is_lower_alnum(c) || c == '-'; });
}

namespace rules {
struct PortNumber {
    static constexpr auto accepts = is_port_number;
    KUBESTACK_REJECTED_BY(port_number_must_be_between_1_and_65535)
};
struct NodePort {
    static constexpr auto accepts = is_node_port;
    KUBESTACK_REJECTED_BY(node_port_must_be_between_30000_and_32767)
};
struct PortName {
    static constexpr auto accepts = is_port_name;
    KUBESTACK_REJECTED_BY(
        port_name_must_be_at_most_15_lowercase_alphanumerics_or_dashes_with_a_letter)
};
} // namespace rules

using Port = detail::CheckedNumber<rules::PortNumber>;
using NodePort = detail::CheckedNumber<rules::NodePort>;
using PortName = detail::CheckedText<rules::PortName>;

enum class Protocol { TCP, UDP, SCTP };

constexpr std::string_view to_string(Protocol protocol) {
    switch (protocol) {
    case Protocol::UDP:
        return "UDP";
    case Protocol::SCTP:
        return "SCTP";
    default:
        return "TCP";
    }
}

// A port that a container exposes; named (so that Services and probes can target it by
// name) unless `name` is empty.
struct ContainerPort {
    std::string_view name;
    int number = 0;
    Protocol protocol = Protocol::TCP;
};

// A container's port as a probe or hook names it: by name ("http") or number (8080).
struct ContainerPortRef {
    std::string_view name; // empty: by number
    int number = 0;

    constexpr ContainerPortRef() = default;
    consteval ContainerPortRef(const char* port_name)
        : name(PortName(port_name)) {}
    consteval ContainerPortRef(int port_number)
        : number(Port(port_number)) {}
};

} // namespace kubestack
