// Services: a selector and ports that target the pods' ports by name or number.
#include "metadata.hpp"

namespace kubestack::emitter {

namespace core = api::core::v1;

api::core::v1::Service to_model(const Service& object, TextArena&) {
    core::Service model;
    model.metadata = to_model(object.metadata());
    core::ServiceSpec& spec = model.spec.emplace();
    spec.type = object.service_type() == ServiceType::NodePort ? "NodePort" : "ClusterIP";
    if (object.headless()) spec.clusterIP = "None"; // stand-in until main's headless() lands
    spec.selector = to_model_detail::to_map(object.selector());
    api::List<core::ServicePort>& ports = spec.ports.emplace();
    for (const ServicePort& port : object.ports()) {
        core::ServicePort out;
        out.name = port.name;
        out.port = port.port;
        if (port.target.name.empty())
            out.targetPort = api::IntOrString(port.target.number);
        else
            out.targetPort = api::IntOrString(port.target.name);
        if (port.node_port != 0) out.nodePort = port.node_port;
        out.protocol = to_string(port.protocol);
        ports.push_back(out);
    }
    return model;
}

} // namespace kubestack::emitter
