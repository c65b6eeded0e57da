// expect: Deployment .?.app.?. container .?.app.?. breaks rule text_must_be_valid_utf8
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    // A German greeting saved in Latin-1 by an editor set to another encoding.
    return stack().apply(deployment("app").image("busybox").args({"--greeting", "gr\xfc\xdf"}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
