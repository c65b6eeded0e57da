// expect: Deployment .?.web.?. container .?.web.?. breaks rule text_must_be_valid_utf8
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").command({"sh", "\xff"}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
