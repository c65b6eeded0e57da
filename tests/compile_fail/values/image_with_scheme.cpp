// expect: image_must_be_a_lowercase_repository_with_an_optional_tag_and_no_spaces
#include <kubestack.hpp>

using namespace kubestack;

// An image is a reference, not a URL: the runtime fails every pod with InvalidImageName.
constexpr Stack broken() {
    return stack().apply(deployment("web").image("https://registry.example.com/web:1")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
