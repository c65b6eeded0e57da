// expect: PersistentVolumeClaim .?.data.?.: spec.resources.requests: a claim asks for a storage
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// ValidatePersistentVolumeClaimSpec: spec.resources[storage]: Required value. The near miss
// asks for 1Gi.
constexpr core::PersistentVolumeClaim web() {
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    claim.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    return claim;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
