// expect: Deployment .?.worker.?. reads Secret .?.postgres.?. of namespace
// ..data.., but its pods only see namespace ..default..
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto credentials =
        secret("postgres").inNamespace("data").data("POSTGRES_USER", "postgres");
    return stack().apply(credentials, deployment("worker").env(credentials.key("POSTGRES_USER")));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
