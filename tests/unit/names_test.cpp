#include <catch2/catch.hpp>
#include <kubestack/names.hpp>
#include <string>

using namespace kubestack;

TEST_CASE("DNS labels are 1 to 63 lowercase alphanumerics or dashes", "[names]") {
    STATIC_REQUIRE(is_dns_label("poll"));
    STATIC_REQUIRE(is_dns_label("t-dop-600"));
    STATIC_REQUIRE(is_dns_label("3d"));
    STATIC_REQUIRE_FALSE(is_dns_label(""));
    STATIC_REQUIRE_FALSE(is_dns_label("Poll"));
    STATIC_REQUIRE_FALSE(is_dns_label("-poll"));
    STATIC_REQUIRE_FALSE(is_dns_label("poll-"));
    STATIC_REQUIRE_FALSE(is_dns_label("poll_app"));
    STATIC_REQUIRE_FALSE(is_dns_label("poll.app"));
    const std::string longest(63, 'a');
    CHECK(is_dns_label(longest));
    CHECK_FALSE(is_dns_label(longest + "a"));
}

TEST_CASE("DNS subdomains are dot-separated labels of at most 253 characters", "[names]") {
    STATIC_REQUIRE(is_dns_subdomain("postgres"));
    STATIC_REQUIRE(is_dns_subdomain("postgres.init"));
    STATIC_REQUIRE_FALSE(is_dns_subdomain("postgres..init"));
    STATIC_REQUIRE_FALSE(is_dns_subdomain(".postgres"));
    STATIC_REQUIRE_FALSE(is_dns_subdomain("postgres."));
    STATIC_REQUIRE_FALSE(is_dns_subdomain("Postgres"));
    std::string long_name = "a";
    while (long_name.size() < 253)
        long_name += ".a";
    CHECK(is_dns_subdomain(long_name.substr(0, 253)));
    CHECK_FALSE(is_dns_subdomain(long_name + "a"));
}

TEST_CASE("Service names must start with a letter", "[names]") {
    STATIC_REQUIRE(is_dns_1035_label("poll"));
    STATIC_REQUIRE_FALSE(is_dns_1035_label("3d"));
}

TEST_CASE("Role names only forbid path separators", "[names]") {
    STATIC_REQUIRE(is_path_segment_name("system:traefik"));
    STATIC_REQUIRE_FALSE(is_path_segment_name("a/b"));
    STATIC_REQUIRE_FALSE(is_path_segment_name(".."));
    STATIC_REQUIRE_FALSE(is_path_segment_name(""));
}

TEST_CASE("Checked names keep the literal's text", "[names]") {
    constexpr Name name = "postgres-init";
    STATIC_REQUIRE(name.view() == "postgres-init");
    constexpr FileStem stem = "postgres";
    STATIC_REQUIRE(std::string_view(stem) == "postgres");
}
