// expect: StatefulSet .?.db.?. claim template .?.data.?. asks for no storage size
#include <kubestack.hpp>

using namespace kubestack;

// The claim templates of a StatefulSet follow the claims' rules.
constexpr Stack broken() {
    return stack().apply(
        statefulSet("db")
            .image("postgres:16")
            .claimTemplate(persistentVolumeClaim("data").accessMode(AccessMode::ReadWriteOnce))
            .mount("data", "/var/lib/postgresql/data"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
