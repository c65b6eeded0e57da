#include <catch2/catch.hpp>
#include <kubestack/labels.hpp>
#include <string>

using namespace kubestack;

TEST_CASE("label keys take an optional DNS prefix and a name", "[labels]") {
    STATIC_REQUIRE(is_label_key("app"));
    STATIC_REQUIRE(is_label_key("app.kubernetes.io/name"));
    STATIC_REQUIRE(is_label_key("kubernetes.io/ingress.class"));
    STATIC_REQUIRE(is_label_key("Tier_1"));
    STATIC_REQUIRE_FALSE(is_label_key(""));
    STATIC_REQUIRE_FALSE(is_label_key("/app"));
    STATIC_REQUIRE_FALSE(is_label_key("Example.com/app"));
    STATIC_REQUIRE_FALSE(is_label_key("example.com/"));
    STATIC_REQUIRE_FALSE(is_label_key("app name"));
    STATIC_REQUIRE_FALSE(is_label_key("-app"));
    CHECK_FALSE(is_label_key(std::string(64, 'a')));
}

TEST_CASE("label values are empty or 63 characters that start and end alphanumeric", "[labels]") {
    STATIC_REQUIRE(is_label_value(""));
    STATIC_REQUIRE(is_label_value("poll"));
    STATIC_REQUIRE(is_label_value("v1.2_rc-3"));
    STATIC_REQUIRE_FALSE(is_label_value("poll-"));
    STATIC_REQUIRE_FALSE(is_label_value("a/b"));
    STATIC_REQUIRE_FALSE(is_label_value("two words"));
    CHECK(is_label_value(std::string(63, 'a')));
    CHECK_FALSE(is_label_value(std::string(64, 'a')));
}

TEST_CASE("key/value lists keep first-appearance order and replace values", "[labels]") {
    STATIC_REQUIRE([] {
        KeyValues values;
        values.set("app", "poll");
        values.set("tier", "front");
        values.set("app", "vote");
        return values.size() == 2 && values.begin()->key == "app" &&
               values.begin()->value == "vote";
    }());
}

TEST_CASE("a selector matches labels that include all of its pairs", "[labels]") {
    STATIC_REQUIRE([] {
        KeyValues pod, selector, other;
        pod.set("app", "poll");
        pod.set("tier", "front");
        selector.set("app", "poll");
        other.set("app", "pol");
        return pod.includes(selector) && !pod.includes(other) && !selector.includes(pod);
    }());
}
