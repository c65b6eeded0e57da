// expect: Deployment .?.web.?. container .?.web.?. sets env var .?.MODE.?. twice
#include <kubestack.hpp>

using namespace kubestack;

// The API server keeps one of the two and warns; which one the pod sees is not the source.
constexpr Stack broken() {
    return stack().apply(deployment("web").image("web:1").env("MODE", "fast").env("MODE", "safe"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
