// expect: mount_path_must_be_absolute_and_free_of_colons_spaces_and_control_characters
#include <kubestack.hpp>

using namespace kubestack;

// The runtime reads ':' as the separator of host:container:options; the container never starts.
constexpr Stack broken() {
    const auto config = configMap("app").data("mode", "fast");
    return stack().apply(config,
                         deployment("web").image("web:1").mount(config, "/etc/app:ro")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
