// kubectl reads YAML 1.1: strings that YAML 1.1 resolves to another type must be quoted.
#include <catch2/catch.hpp>
#include <kubestack/manifests.hpp>
#include <kubestack/stack.hpp>
#include <string>
#include <yaml-cpp/yaml.h>

using namespace kubestack;

namespace {

// A ConfigMap holding one value, rendered and parsed back.
YAML::Node round_trip(std::string_view value) {
    Stack s;
    ConfigMap config = configMap("values");
    config.data("value", value);
    s.apply(config);
    return YAML::Load(render_documents(s).front().yaml)["data"]["value"];
}

} // namespace

TEST_CASE("strings that YAML 1.1 reads as numbers, booleans or null need quotes", "[yaml]") {
    const char* const ambiguous[] = {
        "5432",  "0123", "1e3", "1E3",     "-1",         "+12",  "0x1F", "0o17",  "0b101",
        "1_000", "3.14", ".5",  "1:30:00", "2001-12-14", "yes",  "Yes",  "YES",   "no",
        "on",    "On",   "off", "OFF",     "y",          "n",    "true", "False", "~",
        "null",  "NULL", "",    ".inf",    "-.Inf",      ".nan", "<<",   "="};
    for (const char* text : ambiguous) {
        INFO("value: '" << text << "'");
        CHECK(needs_quotes_in_yaml_1_1(text));
    }
}

TEST_CASE("ordinary strings stay plain", "[yaml]") {
    const char* const plain[] = {"redis",    "postgres:12", "128M",    "512Mi",     "v1.2",
                                 "k8s",      "poll.dop.io", "--api",   "yesterday", "online",
                                 "nullable", "0xyz",        "1.2.3-rc"};
    for (const char* text : plain) {
        INFO("value: '" << text << "'");
        CHECK_FALSE(needs_quotes_in_yaml_1_1(text));
    }
}

TEST_CASE("the emitter quotes every ambiguous value, and the parser reads the same string back",
          "[yaml]") {
    const char* const values[] = {"5432",
                                  "yes",
                                  "on",
                                  "0123",
                                  "1e3",
                                  "~",
                                  "",
                                  "true",
                                  "null",
                                  "2001-12-14",
                                  "a: b",
                                  "- item",
                                  "#hash",
                                  " padded ",
                                  "multi\nline\n",
                                  "no newline\nend",
                                  "tab\there",
                                  "quote\"s",
                                  "ünïcödé",
                                  "redis"};
    for (const char* text : values) {
        INFO("value: '" << text << "'");
        const YAML::Node node = round_trip(text);
        REQUIRE(node.IsScalar());
        CHECK(node.as<std::string>() == text);
        if (needs_quotes_in_yaml_1_1(text)) CHECK(node.Tag() == "!"); // "!" marks a quoted scalar
    }
}

TEST_CASE("the exact text of quoted values", "[yaml]") {
    Stack s;
    s.apply(configMap("postgres")
                .data("POSTGRES_PORT", "5432")
                .data("ENABLED", "yes")
                .data("EMPTY", ""));
    const std::string yaml = render_documents(s).front().yaml;
    CHECK_THAT(yaml, Catch::Contains("POSTGRES_PORT: \"5432\"\n"));
    CHECK_THAT(yaml, Catch::Contains("ENABLED: \"yes\"\n"));
    CHECK_THAT(yaml, Catch::Contains("EMPTY: \"\"\n"));
}

TEST_CASE("keys are quoted by the same rule", "[yaml]") {
    Stack s;
    s.apply(configMap("flags").data("on", "1").data("8080", "port"));
    const YAML::Node data = YAML::Load(render_documents(s).front().yaml)["data"];
    CHECK(data["on"].as<std::string>() == "1");
    CHECK(data["8080"].as<std::string>() == "port");
    CHECK_THAT(render_documents(s).front().yaml, Catch::Contains("\"on\": \"1\""));
}

TEST_CASE("flow sequences quote what a flow context would split", "[yaml]") {
    Stack s;
    s.apply(
        deployment("app").args({"--api", "a,b", "[x]", "{y}", "5432", "-", "key: value", "plain"}));
    const YAML::Node args = YAML::Load(
        render_documents(s).front().yaml)["spec"]["template"]["spec"]["containers"][0]["args"];
    const std::vector<std::string> expected{"--api", "a,b", "[x]",        "{y}",
                                            "5432",  "-",   "key: value", "plain"};
    REQUIRE(args.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(expected[i]);
        CHECK(args[i].as<std::string>() == expected[i]);
    }
}
