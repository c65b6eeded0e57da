// Writes the workloads of the pod-features example stack through their conversion to the
// API model and the generic emitter, as one YAML stream, for the schema validator.
#include "pod_features_stack.hpp"

#include <emitter/model_yaml.hpp>
#include <emitter/to_model.hpp>
#include <iostream>

// The whole-stack rules hold for the example.
static_assert(kubestack::rules_broken_by(pod_features_example::pod_features()).empty());

int main() {
    const kubestack::Stack stack = pod_features_example::pod_features();
    kubestack::emitter::TextArena arena;
    const auto write = [&](const auto& object) {
        kubestack::emitter::YamlWriter out;
        kubestack::emitter::write_model_object(out, kubestack::emitter::to_model(object, arena));
        std::cout << "---\n" << out.text();
    };
    for (const kubestack::Deployment& d : stack.all<kubestack::Deployment>())
        write(d);
    return 0;
}
