// expect: the stack applies no object: call apply
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack();
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
