#include <catch2/catch.hpp>
#include <kubestack/quantity.hpp>

using namespace kubestack;

TEST_CASE("memory quantities take decimal and binary suffixes", "[quantity]") {
    STATIC_REQUIRE(is_byte_quantity("128M"));
    STATIC_REQUIRE(is_byte_quantity("512Mi"));
    STATIC_REQUIRE(is_byte_quantity("1.5Gi"));
    STATIC_REQUIRE(is_byte_quantity("1024"));
    STATIC_REQUIRE(is_byte_quantity("1k"));
    STATIC_REQUIRE_FALSE(is_byte_quantity(""));
    STATIC_REQUIRE_FALSE(is_byte_quantity("M"));
    STATIC_REQUIRE_FALSE(is_byte_quantity("128 M"));
    STATIC_REQUIRE_FALSE(is_byte_quantity("128MB"));
    STATIC_REQUIRE_FALSE(is_byte_quantity("-128M"));
    STATIC_REQUIRE_FALSE(is_byte_quantity("128K"));
}

TEST_CASE("memory written with a lowercase m (millibytes) is rejected", "[quantity]") {
    STATIC_REQUIRE_FALSE(is_byte_quantity("128m"));
}

TEST_CASE("byte counts compare sizes across suffixes", "[quantity]") {
    STATIC_REQUIRE(byte_count("128M") == 128e6);
    STATIC_REQUIRE(byte_count("128Mi") == 134217728.0);
    STATIC_REQUIRE(byte_count("0.5Gi") == byte_count("512Mi"));
    STATIC_REQUIRE(byte_count("1k") == 1000.0);
}

TEST_CASE("cpu quantities are cores or millicores", "[quantity]") {
    STATIC_REQUIRE(is_cpu_quantity("2"));
    STATIC_REQUIRE(is_cpu_quantity("0.5"));
    STATIC_REQUIRE(is_cpu_quantity("500m"));
    STATIC_REQUIRE_FALSE(is_cpu_quantity("0.5m"));
    STATIC_REQUIRE_FALSE(is_cpu_quantity("500M"));
    STATIC_REQUIRE_FALSE(is_cpu_quantity("one"));
    STATIC_REQUIRE_FALSE(is_cpu_quantity(""));
}
