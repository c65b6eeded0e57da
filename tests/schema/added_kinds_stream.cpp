// Writes the sample objects of tests/unit/added_kinds_samples.hpp, through to_model and the
// model emitter, as one YAML stream: the schema test validates it against the Kubernetes
// OpenAPI description.
#include "../unit/added_kinds_samples.hpp"

#include <emitter/to_model.hpp>
#include <iostream>
#include <kubestack/emit/model_yaml.hpp>

namespace {

template <class... Objects>
void write_all(const Objects&... objects) {
    const auto write = [](const auto& object) {
        kubestack::emitter::YamlWriter out;
        kubestack::emitter::TextArena arena;
        kubestack::emitter::write_model_object(out, kubestack::emitter::to_model(object, arena));
        std::cout << "---\n" << out.text();
    };
    (write(objects), ...);
}

} // namespace

int main() {
    using namespace kubestack::samples;
    write_all(php_apache_autoscaler, web_autoscaler, zk_budget, web_budget, fast, retained,
              db_policy, deny_all, no_egress, pod_reader, read_pods, shop_viewers);
}
