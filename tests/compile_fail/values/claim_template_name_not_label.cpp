// expect: StatefulSet .?.zk.?. breaks rule claim_template_name_must_be_a_dns_label_to_name_the_pod_
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto claim = persistentVolumeClaim("data.v1").request("1Gi");
    return stack().apply(statefulSet("zk").claimTemplate(claim));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
