// Services: a selector and ports that target the pods' ports by name or number.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace core = api::core::v1;

api::core::v1::Service to_model(const Service& object, TextArena&) {
    core::Service model;
    model.metadata = to_model(object.metadata());
    core::ServiceSpec& spec = model.spec.emplace();
    constexpr std::string_view types[] = {"ClusterIP", "NodePort", "LoadBalancer"};
    spec.type = types[static_cast<int>(object.service_type())];
    if (object.headless_service()) spec.clusterIP = "None";
    spec.selector = to_model_detail::to_map(object.selector());
    api::List<core::ServicePort>& ports = spec.ports.emplace();
    for (const ServicePort& port : object.ports()) {
        core::ServicePort out;
        if (!port.name.empty()) out.name = port.name;
        out.port = port.port;
        // Neither a name nor a number: the port's own number, which Kubernetes defaults to.
        if (!port.target.name.empty())
            out.targetPort = api::IntOrString(port.target.name);
        else if (port.target.number != 0)
            out.targetPort = api::IntOrString(port.target.number);
        if (port.node_port != 0) out.nodePort = port.node_port;
        out.protocol = to_string(port.protocol);
        ports.push_back(out);
    }
    return model;
}

} // namespace kubestack::emitter
