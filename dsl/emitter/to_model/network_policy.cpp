#include "metadata.hpp"

namespace kubestack::emitter {

namespace {

namespace v1 = api::networking::v1;

// The label the API server puts on every namespace (since Kubernetes 1.21).
constexpr std::string_view namespace_name_label = "kubernetes.io/metadata.name";

v1::NetworkPolicyPeer model_peer(const NetworkPeer& peer, std::string_view policy_namespace) {
    v1::NetworkPolicyPeer model;
    if (!peer.cidr().empty()) {
        v1::IPBlock& block = model.ipBlock.emplace();
        block.cidr = peer.cidr();
        if (!peer.exceptions().empty()) block.except = to_model_detail::strings(peer.exceptions());
        return model;
    }
    if (peer.selects_pods()) model.podSelector = to_model_detail::to_selector(peer.pods());
    if (peer.selects_namespaces()) {
        model.namespaceSelector = to_model_detail::to_selector(peer.namespaces());
    } else if (!peer.pods_namespace().empty() && peer.pods_namespace() != policy_namespace) {
        // podsOf() a workload of another namespace: select that namespace by its name.
        api::meta::v1::LabelSelector& by_name = model.namespaceSelector.emplace();
        by_name.matchLabels.emplace().push_back({namespace_name_label, peer.pods_namespace()});
    }
    return model;
}

v1::NetworkPolicyPort model_port(const NetworkPort& port) {
    v1::NetworkPolicyPort model;
    model.protocol = to_string(port.protocol);
    if (!port.name.empty())
        model.port = api::IntOrString(port.name);
    else
        model.port = api::IntOrString(port.number);
    if (port.end != 0) model.endPort = port.end;
    return model;
}

// Fills a rule's peers (`from` or `to`) and ports; an empty list is left out (any).
template <class ModelRule>
ModelRule model_rule(const NetworkRule& rule, std::string_view policy_namespace,
                     api::Optional<api::List<v1::NetworkPolicyPeer>> ModelRule::*peers) {
    ModelRule model;
    if (!rule.peers.empty()) {
        api::List<v1::NetworkPolicyPeer>& list = (model.*peers).emplace();
        for (const NetworkPeer& peer : rule.peers)
            list.push_back(model_peer(peer, policy_namespace));
    }
    if (!rule.ports.empty()) {
        api::List<v1::NetworkPolicyPort>& list = model.ports.emplace();
        for (const NetworkPort& port : rule.ports)
            list.push_back(model_port(port));
    }
    return model;
}

} // namespace

v1::NetworkPolicy to_model(const NetworkPolicy& object, TextArena&) {
    v1::NetworkPolicy model;
    model.metadata = to_model(object.metadata());
    v1::NetworkPolicySpec& spec = model.spec.emplace();
    spec.podSelector = to_model_detail::to_selector(object.selector());
    if (!object.ingress_rules().empty()) {
        api::List<v1::NetworkPolicyIngressRule>& rules = spec.ingress.emplace();
        for (const NetworkRule& rule : object.ingress_rules())
            rules.push_back(model_rule<v1::NetworkPolicyIngressRule>(
                rule, object.ns(), &v1::NetworkPolicyIngressRule::from));
    }
    if (!object.egress_rules().empty()) {
        api::List<v1::NetworkPolicyEgressRule>& rules = spec.egress.emplace();
        for (const NetworkRule& rule : object.egress_rules())
            rules.push_back(model_rule<v1::NetworkPolicyEgressRule>(
                rule, object.ns(), &v1::NetworkPolicyEgressRule::to));
    }
    api::List<api::String>& types = spec.policyTypes.emplace();
    if (object.filters_ingress()) types.push_back("Ingress");
    if (object.filters_egress()) types.push_back("Egress");
    return model;
}

} // namespace kubestack::emitter
