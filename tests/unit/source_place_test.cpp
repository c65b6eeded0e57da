// Where objects were written (source_place.hpp): each builder's call records the user's
// file and line, and a broken whole-stack rule reports at the first object it names. A
// split stack's rules, checked after the link, print that place (stack_part.hpp).
#include <catch2/catch.hpp>
#include <kubestack.hpp>
#include <kubestack/api/core/v1.hpp>
#include <kubestack/object.hpp>
#include <string_view>

using namespace kubestack;

namespace {

constexpr bool written_in_this_file(SourcePlace place) {
    return std::string_view(place.file).ends_with("source_place_test.cpp");
}

constexpr unsigned web_line = __LINE__ + 1;
constexpr Deployment web = deployment("web").image("nginx:1.27").port("http", 80);

constexpr unsigned service_line = __LINE__ + 1;
constexpr Service web_service = service(web);

constexpr unsigned lonely_line = __LINE__ + 2;
constexpr Stack lonely_service() {
    return stack().apply(service(deployment("gone").image("nginx:1.27").port("http", 80)));
}

constexpr unsigned autoscaler_line = __LINE__ + 1;
constexpr HorizontalPodAutoscaler web_autoscaler = horizontalPodAutoscaler(web);

constexpr unsigned stray_line = __LINE__ + 2;
constexpr Stack stray_namespace() {
    return stack().apply(serviceAccount("robot").inNamespace("shop"));
}

constexpr api::core::v1::ConfigMap settings() {
    api::core::v1::ConfigMap map;
    map.metadata.emplace().name = "settings";
    return map;
}
constexpr unsigned settings_line = __LINE__ + 1;
constexpr ModelObject settings_object = object<settings>();

} // namespace

TEST_CASE("a builder records the line that called it", "[source_place]") {
    STATIC_REQUIRE(web.metadata().written_at.line == web_line);
    STATIC_REQUIRE(written_in_this_file(web.metadata().written_at));
    // A Service made from a workload is written where service(...) is called.
    STATIC_REQUIRE(web_service.metadata().written_at.line == service_line);
    STATIC_REQUIRE(settings_object.metadata().written_at.line == settings_line);
    STATIC_REQUIRE(web_autoscaler.metadata().written_at.line == autoscaler_line);
}

TEST_CASE("a broken rule reports at the object it names", "[source_place]") {
    const std::vector<Violation> violations = check_stack(lonely_service());
    REQUIRE(violations.size() == 1);
    CHECK(violations.front().rule == StackRule::service_selects_no_pod);
    CHECK(violations.front().where.line == lonely_line);
    CHECK(written_in_this_file(violations.front().where));
    // Near miss: the same Service with its workload breaks nothing.
    CHECK(check_stack(stack().apply(web, web_service)).empty());
}

TEST_CASE("a missing namespace reports at the first object placed in it", "[source_place]") {
    const std::vector<Violation> violations = check_stack(stray_namespace());
    REQUIRE(violations.size() == 1);
    CHECK(violations.front().rule == StackRule::namespace_missing);
    CHECK(violations.front().where.line == stray_line);
}
