#include <catch2/catch.hpp>
#include <kubestack/ports.hpp>

using namespace kubestack;

TEST_CASE("port numbers run from 1 to 65535", "[ports]") {
    STATIC_REQUIRE(is_port_number(1));
    STATIC_REQUIRE(is_port_number(65535));
    STATIC_REQUIRE_FALSE(is_port_number(0));
    STATIC_REQUIRE_FALSE(is_port_number(65536));
    STATIC_REQUIRE_FALSE(is_port_number(-80));
    constexpr Port http = 80;
    STATIC_REQUIRE(http.value() == 80);
}

TEST_CASE("NodePorts run from 30000 to 32767", "[ports]") {
    STATIC_REQUIRE(is_node_port(30000));
    STATIC_REQUIRE(is_node_port(32767));
    STATIC_REQUIRE_FALSE(is_node_port(29999));
    STATIC_REQUIRE_FALSE(is_node_port(32768));
    STATIC_REQUIRE_FALSE(is_node_port(80));
}

TEST_CASE("port names are IANA service names", "[ports]") {
    STATIC_REQUIRE(is_port_name("http"));
    STATIC_REQUIRE(is_port_name("metrics-2"));
    STATIC_REQUIRE(is_port_name("a23456789012345"));
    STATIC_REQUIRE_FALSE(is_port_name("a234567890123456"));
    STATIC_REQUIRE_FALSE(is_port_name("8080"));
    STATIC_REQUIRE_FALSE(is_port_name("HTTP"));
    STATIC_REQUIRE_FALSE(is_port_name("web--ui"));
    STATIC_REQUIRE_FALSE(is_port_name("-web"));
    STATIC_REQUIRE_FALSE(is_port_name(""));
}
