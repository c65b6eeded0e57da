// expect: mounted_object_name_must_be_a_dns_label_to_name_the_pod_volume
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto scripts = configMap("init.scripts").data("a.sql", "SELECT 1;");
    return stack().apply(scripts, deployment("db").mount(scripts, "/init")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
