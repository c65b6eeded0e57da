// expect: PersistentVolumeClaim .?.data.?.: .*requests.storage.: .?.1 GB.?. is no quantity
#include <kubestack.hpp>
#include <kubestack/api/apps/v1.hpp>
#include <kubestack/object.hpp>

using namespace kubestack;
namespace core = api::core::v1;

// A quantity the API server cannot parse fails the request's decoding. The near miss is 1G.
constexpr core::PersistentVolumeClaim web() {
    core::PersistentVolumeClaim claim;
    claim.metadata.emplace().name = "data";
    claim.spec.emplace().accessModes.emplace().push_back("ReadWriteOnce");
    claim.spec->resources.emplace().requests.emplace().push_back({"storage", "1 GB"});
    return claim;
}
constexpr Stack broken() {
    return stack().apply(object<web>());
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
