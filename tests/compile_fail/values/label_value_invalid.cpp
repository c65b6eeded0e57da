// expect: label_value_must_be_empty_or_at_most_63_alphanumerics
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").label("tier", "front end")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
