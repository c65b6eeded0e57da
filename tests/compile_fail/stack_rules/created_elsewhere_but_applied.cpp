// expect: Secret .?.registry.?. is marked createdElsewhere.?., so the stack must
// not apply it
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(secret("registry").createdElsewhere());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
