// expect: ip_block_except_must_be_a_smaller_range_inside_the_ip_block_cidr
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto db = deployment("db");
constexpr auto policy = networkPolicy("db").selects(db).allowFrom(
    {ipBlock("10.0.0.0/16").except("10.1.0.0/24")}); // <- error

int main() {}
