// expect: path_must_be_absolute_and_free_of_spaces_and_control_characters
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("poll").mount(hostPath("logs", "var/log"), "/logs")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
