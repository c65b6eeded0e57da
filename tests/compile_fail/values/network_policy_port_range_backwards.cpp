// expect: network_port_range_must_end_at_or_after_its_first_port
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto db = deployment("db");
constexpr auto policy =
    networkPolicy("db").selects(db).allowFrom({}, {networkPortRange(3100, 3000)}); // <- error

int main() {}
