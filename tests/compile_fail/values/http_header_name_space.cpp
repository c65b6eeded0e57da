// expect: http_header_name_must_be_letters_digits_and_dashes
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").livenessProbe(
        httpGet("/", 80).header("X Probe", "1"))); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
