// expect: NetworkPolicy .?.db.?. breaks rule network_port_range_must_end_at_or_after_its_first_port
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto db = deployment("db").image("postgres:16");
    return stack().apply(
        db, networkPolicy("db").selects(db).allowFrom({}, {networkPortRange(3100, 3000)}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
