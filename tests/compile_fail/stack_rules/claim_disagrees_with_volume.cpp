// expect: PersistentVolumeClaim .?.postgres.?. asks for a size of 1Gi but
// PersistentVolume ..postgres.. offers 512Mi
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto volume = persistentVolume("postgres")
                            .capacity("512Mi")
                            .accessMode(AccessMode::ReadWriteOnce)
                            .storageClass("manual");
    return stack().apply(volume, persistentVolumeClaim("postgres").boundTo(volume).request("1Gi"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
