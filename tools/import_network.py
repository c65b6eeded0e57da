"""NetworkPolicies by their builder (include/kubestack/network_policy.hpp):

    constexpr auto db_networkpolicy =
        kubestack::networkPolicy("db")
            .selects(db_deployment)
            .allowFrom({kubestack::podsOf(api_deployment)}, {kubestack::networkPort(5432)})
            .allowTo({kubestack::ipBlock("10.0.0.0/8").except("10.1.0.0/16")});

The builder always writes policyTypes, as the API server defaults them where the input
leaves them out, and each port's protocol; a peer's selectors are
matchLabels only, and an ipBlock's range must pass its Cidr check
(dsl/emitter/to_model/network_policy.cpp). A policy that says anything else stays in the
typed model.
"""
import re

from import_calls import Call, Chain, Code, Ref
from import_model import given, listed
from import_workloads import PORT_NAME, labels_taken, text

# Each direction of traffic: its field, the field of its peers, the setter of a rule, the
# setter that filters it without a rule, and its policyType.
DIRECTIONS = (("ingress", "from", "allowFrom", "denyIngress", "Ingress"),
              ("egress", "to", "allowTo", "denyEgress", "Egress"))
# The policyTypes that the builder writes, in its order.
POLICY_TYPES = (["Ingress"], ["Egress"], ["Ingress", "Egress"])

_DECIMAL = r"(?:0|[1-9][0-9]{0,2})"  # network_policy.hpp's decimal(): no leading zero
IPV4 = re.compile(rf"{_DECIMAL}\.{_DECIMAL}\.{_DECIMAL}\.{_DECIMAL}")
HEX_GROUP = re.compile(r"[0-9a-fA-F]{1,4}")


def ipv4(address):
    """The address as a number, or None: four bytes, as parse_ipv4 reads them."""
    if not IPV4.fullmatch(address):
        return None
    parts = [int(part) for part in address.split(".")]
    if max(parts) > 255:
        return None
    return (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]


def ipv6(address):
    """is_ipv6: eight groups of 1 to 4 hex digits, or fewer around one "::"."""
    def groups(part):
        if not part:
            return 0
        found = part.split(":")
        return len(found) if all(HEX_GROUP.fullmatch(group) for group in found) else -1
    if address.count("::") > 1 or ":::" in address:
        return False
    if "::" not in address:
        return groups(address) == 8
    before, after = (groups(part) for part in address.split("::"))
    return before >= 0 and after >= 0 and before + after <= 7


def cidr(value):
    """(address as a number or None for IPv6, prefix) of a range that is_cidr takes, or
    None."""
    if not text(value) or value.count("/") != 1:
        return None
    address, prefix = value.split("/")
    if not re.fullmatch(_DECIMAL, prefix):
        return None
    number = ipv4(address)
    if number is not None:
        return (number, int(prefix)) if int(prefix) <= 32 else None
    return (None, int(prefix)) if ipv6(address) and int(prefix) <= 128 else None


def cidr_inside(outer, inner):
    """is_cidr_inside of two ranges that cidr() read: a strictly smaller IPv4 range inside
    the other; any IPv6 one inside an IPv6 one."""
    if (outer[0] is None) != (inner[0] is None):
        return False
    if outer[0] is None:
        return True
    mask = 0 if outer[1] == 0 else (0xFFFFFFFF << (32 - outer[1])) & 0xFFFFFFFF
    return inner[1] > outer[1] and (inner[0] & mask) == (outer[0] & mask)


class NetworkStatements:
    """The calls of a NetworkPolicy; mixed into import_builders.Statements, whose
    pods_selected() and selected_workload() it uses."""

    def policy_spec(self, imported, spec):
        """The calls of a policy's pods, rules and filters, or None."""
        if not set(spec) <= {"podSelector", "policyTypes", "ingress", "egress"}:
            return None
        selector, types = given(spec.get("podSelector")), spec.get("policyTypes")
        if "podSelector" not in spec or not set(selector) <= {"matchLabels"}:
            return None
        terms = [tuple(pair) for pair in selector.get("matchLabels") or []]
        if "matchLabels" in selector and not terms:
            return None  # an empty map, which the builder leaves out
        if len(terms) > self.limits["labels"] or not labels_taken(terms):
            return None
        if types is None:  # SetDefaults_NetworkPolicy
            types = ["Ingress"] + (["Egress"] if spec.get("egress") else [])
        if types not in POLICY_TYPES:
            return None
        calls = self.pods_selected(imported, terms) if terms else []
        for field, peers, allow, deny, policy_type in DIRECTIONS:
            rules = spec.get(field)
            if not listed(rules, self.limits["network_rules"]):
                return None
            if rules and policy_type not in types:
                return None  # a rule the policy does not filter by, which a builder adds
            for rule in rules or []:
                stated = self.network_rule(imported, given(rule), peers)
                if stated is None:
                    return None
                calls.append(Call(allow, *stated))
            # Ingress is filtered unless the policy only filters egress, as Kubernetes
            # defaults it; the builder writes so.
            if not rules and policy_type in types:
                calls.append(Call(deny))
        return calls

    def network_rule(self, imported, rule, peers_field):
        """The arguments of one allowFrom() or allowTo() call: [peers], and [ports] if it
        has some; or None."""
        if not set(rule) <= {peers_field, "ports"}:
            return None
        peers, ports = rule.get(peers_field), rule.get("ports")
        if not listed(peers, self.limits["network_peers"]):
            return None
        if not listed(ports, self.limits["network_ports"]):
            return None
        stated_peers = [self.network_peer(imported, given(peer)) for peer in peers or []]
        stated_ports = [self.network_port(given(port)) for port in ports or []]
        if None in stated_peers or None in stated_ports:
            return None
        return [stated_peers] + ([stated_ports] if stated_ports else [])

    def network_peer(self, imported, peer):
        """The peer's factory with its calls, or None."""
        if set(peer) == {"ipBlock"}:
            block = given(peer["ipBlock"])
            outer = cidr(block.get("cidr"))
            excepted = block.get("except")
            if not set(block) <= {"cidr", "except"} or outer is None:
                return None
            if not listed(excepted, self.limits["cidr_exceptions"]):
                return None
            for inner in excepted or []:
                if cidr(inner) is None or not cidr_inside(outer, cidr(inner)):
                    return None
            return Chain("kubestack::ipBlock", [block["cidr"]],
                         [Call("except", inner) for inner in excepted or []])
        if not peer or not set(peer) <= {"podSelector", "namespaceSelector"}:
            return None
        selectors = {}
        for field in ("podSelector", "namespaceSelector"):
            if field not in peer:
                continue
            selector = given(peer[field])
            terms = [tuple(pair) for pair in selector.get("matchLabels") or []]
            if not set(selector) <= {"matchLabels"} or ("matchLabels" in selector and not terms):
                return None
            if len(terms) > self.limits["peer_labels"] or not labels_taken(terms):
                return None
            selectors[field] = terms
        pods, namespaces = selectors.get("podSelector"), selectors.get("namespaceSelector")
        if pods == []:
            return None  # every pod, which a builder says by leaving the pods out
        if pods is None:
            if not namespaces:
                return Chain("kubestack::everyNamespace", [])
            (key, value), *more = namespaces
            return Chain("kubestack::namespacesLabeled", [key, value],
                         [Call("inNamespacesLabeled", k, v) for k, v in more])
        if namespaces is None:
            workload = self.selected_workload(imported, pods)
            if workload is not None:
                return Chain("kubestack::podsOf", [Ref(workload)])
        (key, value), *more = pods
        calls = [Call("labeled", k, v) for k, v in more]
        if namespaces == []:
            calls.append(Call("inEveryNamespace"))
        calls += [Call("inNamespacesLabeled", k, v) for k, v in namespaces or []]
        return Chain("kubestack::podsLabeled", [key, value], calls)

    def network_port(self, port):
        """The networkPort() or networkPortRange() of a port, or None. Its protocol is
        written even where the input leaves it to its default, TCP."""
        if not set(port) <= {"protocol", "port", "endPort"} or "port" not in port:
            return None
        number, protocol = port["port"], port.get("protocol", "TCP")
        if protocol not in self.words.protocols:
            return None
        arguments = [Code(f"kubestack::Protocol::{protocol}")] if protocol != "TCP" else []
        if type(number) is str:
            if not text(number, PORT_NAME) or "endPort" in port:
                return None
            return Chain("kubestack::networkPort", [number] + arguments)
        if type(number) is not int or not 0 < number < 65536:
            return None
        if "endPort" in port:
            end = port["endPort"]
            if type(end) is not int or not number <= end < 65536:
                return None
            return Chain("kubestack::networkPortRange", [number, end] + arguments)
        return Chain("kubestack::networkPort", [number] + arguments)
