// expect: image_must_be_a_lowercase_repository_with_an_optional_tag_and_no_spaces
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").image("Redis:5.0")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
