// expect: port_number_must_be_between_1_and_65535
// The harness must report this snippet as a failure: it fails, but for another reason.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").prot("http", 80));
} // <- error

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
