// expect: Deployment .?.postgres.?. mounts PersistentVolumeClaim .?.postgres.?.,
// which namespace ..default.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto claim =
        persistentVolumeClaim("postgres").request("512Mi").accessMode(AccessMode::ReadWriteOnce);
    return stack().apply(deployment("postgres").mount(claim, "/var/lib/postgresql/data"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
