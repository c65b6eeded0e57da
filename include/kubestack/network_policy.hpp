// NetworkPolicies (networking.k8s.io/v1): which traffic may reach a workload's pods, and
// which they may send.
//
//   networkPolicy("postgres").selects(postgres)
//       .allowFrom({podsOf(poll), podsOf(worker)}, {networkPort(5432)})
//       .allowTo({ipBlock("10.0.0.0/8").except("10.1.0.0/16")}, {networkPort(53, Protocol::UDP)});
//
// Once a policy selects a pod, the pod takes only the traffic some rule allows: a policy
// with no allowFrom() denies every incoming connection; allowTo() (or denyEgress()) makes
// it filter outgoing connections as well. A peer selects pods (podsOf, podsLabeled),
// namespaces (namespacesLabeled), or addresses (ipBlock); an empty list of peers or ports
// allows any.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/labels.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/metadata.hpp>
#include <kubestack/pods_created_elsewhere.hpp>
#include <kubestack/ports.hpp>
#include <kubestack/workload_ref.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(cidr_must_be_an_ipv4_or_ipv6_address_then_slash_and_a_prefix_length)
KUBESTACK_BROKEN_RULE(ip_block_except_must_be_a_smaller_range_inside_the_ip_block_cidr)
KUBESTACK_BROKEN_RULE(network_port_range_must_end_at_or_after_its_first_port)
} // namespace broken_rule

namespace detail {

// A decimal number of at most `digits` digits, without a leading zero; -1 if not.
constexpr int decimal(std::string_view text, std::size_t digits) {
    if (text.empty() || text.size() > digits || (text.size() > 1 && text.front() == '0')) return -1;
    int value = 0;
    for (char c : text) {
        if (!is_digit(c)) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// An IPv4 address: four decimal bytes, as Kubernetes now requires (no leading zeros).
constexpr bool parse_ipv4(std::string_view text, std::uint32_t& address) {
    address = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t dot = i < 3 ? text.find('.') : text.size();
        if (dot == std::string_view::npos) return false;
        const int byte = decimal(text.substr(0, dot), 3);
        if (byte < 0 || byte > 255) return false;
        address = (address << 8) | static_cast<std::uint32_t>(byte);
        text.remove_prefix(i < 3 ? dot + 1 : dot);
    }
    return true;
}

constexpr bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// An IPv6 address: eight groups of 1 to 4 hex digits, or fewer around one "::".
// (The dotted IPv4 tail, "::ffff:1.2.3.4", is not accepted.)
constexpr bool is_ipv6(std::string_view text) {
    const std::size_t gap = text.find("::");
    if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos)
        return false;
    const auto groups = [](std::string_view part) {
        if (part.empty()) return 0;
        int count = 0;
        for (std::size_t start = 0;;) {
            const std::size_t colon = part.find(':', start);
            const std::string_view group = part.substr(start, colon - start);
            if (group.empty() || group.size() > 4 || !all_of(group, is_hex)) return -1;
            ++count;
            if (colon == std::string_view::npos) return count;
            start = colon + 1;
        }
    };
    if (gap == std::string_view::npos) return groups(text) == 8;
    const int before = groups(text.substr(0, gap));
    const int after = groups(text.substr(gap + 2));
    return before >= 0 && after >= 0 && before + after <= 7;
}

struct Ipv4Range {
    std::uint32_t first = 0;
    int prefix = 0;

    constexpr std::uint32_t mask() const {
        return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    }
    constexpr bool contains(const Ipv4Range& inner) const {
        return inner.prefix >= prefix && (inner.first & mask()) == (first & mask());
    }
};

} // namespace detail

// "10.0.0.0/8", "fd00::/8": an address, a slash, and a prefix length (32 or 128 at most).
constexpr bool is_cidr(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return false;
    const std::string_view address = text.substr(0, slash);
    const int prefix = detail::decimal(text.substr(slash + 1), 3);
    std::uint32_t ipv4 = 0;
    if (detail::parse_ipv4(address, ipv4)) return prefix >= 0 && prefix <= 32;
    return detail::is_ipv6(address) && prefix >= 0 && prefix <= 128;
}

namespace rules {
struct Cidr {
    static constexpr auto accepts = is_cidr;
    KUBESTACK_REJECTED_BY(cidr_must_be_an_ipv4_or_ipv6_address_then_slash_and_a_prefix_length)
};
} // namespace rules

using Cidr = detail::CheckedText<rules::Cidr>;

// True when `inner` is a strictly smaller range inside `outer`, as Kubernetes requires of
// an ipBlock's `except` (checked for IPv4; an IPv6 pair only needs the same family).
constexpr bool is_cidr_inside(std::string_view outer, std::string_view inner) {
    const auto ipv4 = [](std::string_view cidr, detail::Ipv4Range& range) {
        const std::size_t slash = cidr.find('/');
        range.prefix = detail::decimal(cidr.substr(slash + 1), 3);
        return detail::parse_ipv4(cidr.substr(0, slash), range.first);
    };
    detail::Ipv4Range outer_range, inner_range;
    const bool outer_v4 = ipv4(outer, outer_range);
    const bool inner_v4 = ipv4(inner, inner_range);
    if (outer_v4 != inner_v4) return false;
    if (!outer_v4) return true;
    return inner_range.prefix > outer_range.prefix && outer_range.contains(inner_range);
}

using PeerLabels = KeyValues<limits::peer_labels>;

// Where traffic comes from or goes to.
class NetworkPeer {
public:
    // Also selects pods in the namespaces with this label (a peer without such a term
    // selects pods of the policy's own namespace).
    constexpr NetworkPeer& inNamespacesLabeled(LabelKey key, LabelValue value) {
        selects_namespaces_ = true;
        namespaces_.set(key, value);
        return *this;
    }
    // Also selects matching pods in every namespace.
    constexpr NetworkPeer& inEveryNamespace() {
        selects_namespaces_ = true;
        return *this;
    }
    // Another label that the selected pods must carry.
    constexpr NetworkPeer& labeled(LabelKey key, LabelValue value) {
        selects_pods_ = true;
        pods_.set(key, value);
        return *this;
    }
    // Leaves a smaller range out of an ipBlock.
    constexpr NetworkPeer& except(Cidr range) {
        if (!is_cidr_inside(cidr_, range))
            broken_rule::ip_block_except_must_be_a_smaller_range_inside_the_ip_block_cidr(broken_);
        except_.push_back(range);
        return *this;
    }

    constexpr bool selects_pods() const { return selects_pods_; }
    constexpr const PeerLabels& pods() const { return pods_; }
    constexpr bool selects_namespaces() const { return selects_namespaces_; }
    constexpr const PeerLabels& namespaces() const { return namespaces_; }
    // The namespace of the workload given to podsOf(), to select its pods from a policy in
    // another namespace; empty otherwise.
    constexpr std::string_view pods_namespace() const { return pods_namespace_; }
    constexpr std::string_view cidr() const { return cidr_; }
    constexpr const auto& exceptions() const { return except_; }
    constexpr const detail::RuleRecord& broken() const { return broken_; }

    template <SelectablePods W>
    friend constexpr NetworkPeer podsOf(const W& workload);
    friend constexpr NetworkPeer podsLabeled(LabelKey key, LabelValue value);
    friend constexpr NetworkPeer namespacesLabeled(LabelKey key, LabelValue value);
    friend constexpr NetworkPeer everyNamespace();
    friend constexpr NetworkPeer ipBlock(Cidr range);

private:
    // Only the factories above make a peer; FixedList's empty slots are never read.
    template <class T, std::size_t Capacity>
    friend class detail::FixedList;
    constexpr NetworkPeer() = default;

    bool selects_pods_ = false;
    PeerLabels pods_;
    bool selects_namespaces_ = false;
    PeerLabels namespaces_;
    std::string_view pods_namespace_;
    std::string_view cidr_;
    detail::FixedList<std::string_view, limits::cidr_exceptions> except_;
    detail::RuleRecord broken_; // the policy it goes to takes it over
};

// The pods of a workload, or pods created elsewhere, by their selector, wherever their
// namespace.
template <SelectablePods W>
constexpr NetworkPeer podsOf(const W& workload) {
    NetworkPeer peer;
    peer.selects_pods_ = true;
    for (const Label& term : workload.selector())
        peer.pods_.set(term);
    // Empty: the policy's own namespace.
    if (pods_namespace_given(workload.metadata())) peer.pods_namespace_ = workload.ns();
    return peer;
}
// Pods of the policy's namespace that carry this label (add more with .labeled()).
constexpr NetworkPeer podsLabeled(LabelKey key, LabelValue value) {
    NetworkPeer peer;
    return peer.labeled(key, value);
}
// Every pod of the namespaces that carry this label.
constexpr NetworkPeer namespacesLabeled(LabelKey key, LabelValue value) {
    NetworkPeer peer;
    return peer.inNamespacesLabeled(key, value);
}
// Every pod of the cluster.
constexpr NetworkPeer everyNamespace() {
    NetworkPeer peer;
    return peer.inEveryNamespace();
}
// Addresses outside the cluster (pod addresses change; select pods by label instead).
constexpr NetworkPeer ipBlock(Cidr range) {
    NetworkPeer peer;
    peer.cidr_ = range;
    return peer;
}

// A port, a named container port, or a range of ports, with its protocol.
struct NetworkPort {
    int number = 0;
    std::string_view name;
    int end = 0; // the last port of a range, or 0
    Protocol protocol = Protocol::TCP;
};

constexpr NetworkPort networkPort(Port number, Protocol protocol = Protocol::TCP) {
    return {number, {}, 0, protocol};
}
constexpr NetworkPort networkPort(PortName name, Protocol protocol = Protocol::TCP) {
    return {0, name, 0, protocol};
}
constexpr NetworkPort networkPortRange(Port first, Port last, Protocol protocol = Protocol::TCP) {
    // The policy checks the range (network_port_range_must_end_at_or_after_its_first_port).
    return {first, {}, last, protocol};
}

// One rule: traffic with any of the peers (any peer when empty), to or from any of the
// ports (any port when empty).
struct NetworkRule {
    detail::FixedList<NetworkPeer, limits::network_peers> peers;
    detail::FixedList<NetworkPort, limits::network_ports> ports;
};

class NetworkPolicy : public Resource<NetworkPolicy> {
public:
    constexpr explicit NetworkPolicy(Name name)
        : Resource(name) {}

    // The pods of this workload, or pods created elsewhere; the policy moves to their
    // namespace, where it must be.
    template <SelectablePods Pods>
    constexpr NetworkPolicy& selects(const Pods& pods) {
        selector_ = select_pods_of(pods);
        return *this;
    }
    // One term of a pod selector written by hand. Without any, the policy applies to
    // every pod of its namespace.
    constexpr NetworkPolicy& selector(LabelKey key, LabelValue value) {
        selector_.set(key, value);
        this->meta_.selects_pods_created_elsewhere = false; // a selector by hand is checked
        return *this;
    }

    constexpr NetworkPolicy& allowFrom(std::initializer_list<NetworkPeer> peers,
                                       std::initializer_list<NetworkPort> ports = {}) {
        ingress_.push_back(rule(peers, ports));
        filters_ingress_ = true;
        return *this;
    }
    constexpr NetworkPolicy& allowTo(std::initializer_list<NetworkPeer> peers,
                                     std::initializer_list<NetworkPort> ports = {}) {
        egress_.push_back(rule(peers, ports));
        filters_egress_ = true;
        return *this;
    }
    // Filters incoming (outgoing) traffic even with no rule: everything is denied but what
    // an allowFrom (allowTo) allows.
    constexpr NetworkPolicy& denyIngress() {
        filters_ingress_ = true;
        return *this;
    }
    constexpr NetworkPolicy& denyEgress() {
        filters_egress_ = true;
        return *this;
    }

    constexpr const Labels& selector() const { return selector_; }
    constexpr const auto& ingress_rules() const { return ingress_; }
    constexpr const auto& egress_rules() const { return egress_; }
    // policyTypes: Ingress unless the policy only filters egress, as Kubernetes defaults.
    constexpr bool filters_ingress() const { return filters_ingress_ || !filters_egress_; }
    constexpr bool filters_egress() const { return filters_egress_; }

private:
    constexpr NetworkRule rule(std::initializer_list<NetworkPeer> peers,
                               std::initializer_list<NetworkPort> ports) {
        NetworkRule made;
        for (const NetworkPeer& peer : peers) {
            meta_.broken.note(peer.broken());
            made.peers.push_back(peer);
        }
        for (const NetworkPort& port : ports) {
            if (port.end != 0 && port.end < port.number)
                broken_rule::network_port_range_must_end_at_or_after_its_first_port(meta_.broken);
            made.ports.push_back(port);
        }
        return made;
    }

    Labels selector_;
    detail::FixedList<NetworkRule, limits::network_rules> ingress_;
    detail::FixedList<NetworkRule, limits::network_rules> egress_;
    bool filters_ingress_ = false;
    bool filters_egress_ = false;
};

constexpr NetworkPolicy networkPolicy(Name name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(NetworkPolicy(name), where);
}

} // namespace kubestack
