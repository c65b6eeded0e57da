// expect: field_ref_must_be_a_pod_field_such_as_metadata_name_status_podIP_or_metadata_labels_key
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("web").image("web:1").env("POD_IP", fieldRef("status.podIp"))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
