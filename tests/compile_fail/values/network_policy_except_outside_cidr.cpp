// expect: NetworkPolicy .?.db.?. breaks rule ip_block_except_must_be_a_smaller_range_inside_the_ip_
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto db = deployment("db").image("postgres:16");
    return stack().apply(db, networkPolicy("db").selects(db).allowFrom(
                                 {ipBlock("10.0.0.0/16").except("10.1.0.0/24")}));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
