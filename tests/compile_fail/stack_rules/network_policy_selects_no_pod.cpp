// expect: NetworkPolicy .?.db.?. selects app=postgres, which no workload in
// namespace ..default.. carries
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto db = deployment("db").image("postgres:16");
    return stack().apply(db, networkPolicy("db").selector("app", "postgres").allowFrom({}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
