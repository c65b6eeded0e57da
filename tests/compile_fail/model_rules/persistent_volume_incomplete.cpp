// expect: PersistentVolume .?.disk.?.: spec.capacity: a PersistentVolume has a storage capacity
#include <kubestack.hpp>
#include <kubestack/api/networking/v1.hpp>
#include <kubestack/api/rbac/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;
namespace networking = api::networking::v1;

// ValidatePersistentVolumeSpec: capacity[storage] Required. The near miss has 10Gi.
constexpr core::PersistentVolume web() {
    core::PersistentVolume volume;
    volume.metadata.emplace().name = "disk";
    volume.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    volume.spec->hostPath.emplace().path = "/srv/disk";
    return volume;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
