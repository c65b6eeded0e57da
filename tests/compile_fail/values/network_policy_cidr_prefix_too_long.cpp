// expect: cidr_must_be_an_ipv4_or_ipv6_address_then_slash_and_a_prefix_length
// limits: off: GCC follows the error with its own "cannot convert <brace-enclosed
// initializer list>", for the braced list around the rejected literal.
#include <kubestack.hpp>

using namespace kubestack;

constexpr auto db = deployment("db");
constexpr auto policy =
    networkPolicy("db").selects(db).allowFrom({ipBlock("10.0.0.0/33")}); // <- error

int main() {}
