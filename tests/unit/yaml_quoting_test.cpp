// Every value is read back as written: strings that YAML 1.1 or 1.2 resolves to another
// type are quoted, characters that a reader folds, breaks on or rejects are escaped, and
// literal blocks are used only where they reproduce the text.
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
        "5432",  "0123",  "1e3", "1E3",     "-1",         "+12",  "0x1F", "0o17",  "0b101",
        "1_000", "3.14",  ".5",  "1:30:00", "2001-12-14", "yes",  "Yes",  "YES",   "no",
        "on",    "On",    "off", "OFF",     "y",          "n",    "true", "False", "~",
        "null",  "NULL",  "",    ".inf",    "-.Inf",      ".nan", "<<",   "=",     "+.inf",
        "+.Inf", "+.INF", "._5", "-.5",     "+.nan",      "---",  "...",  "--- a"};
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

namespace {

// The YAML line of one ConfigMap value, as written.
std::string written(std::string_view value) {
    Stack s;
    s.apply(configMap("values").data("value", value));
    const std::string yaml = render_documents(s).front().yaml;
    const std::size_t start = yaml.find("  value:");
    return yaml.substr(start);
}

} // namespace

TEST_CASE("characters a reader would fold, break on or reject are escaped", "[yaml]") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"\u0085", R"("\x85")"},                  // NEL: \N reads as a lone byte in yaml-cpp
        {"pass\u0085word", R"("pass\x85word")"},  //
        {"\u2028", R"("\L")"},                    // line separator
        {"\u2029", R"("\P")"},                    // paragraph separator
        {"\u0080", R"("\x80")"},                  // C1 controls
        {"\u009f", R"("\x9f")"},                  //
        {"\x7f", R"("\x7f")"},                    // DEL
        {"a\x01z", R"("a\x01z")"},                // C0 controls
        {"\x1b", R"("\x1b")"},                    //
        {"\r", R"("\r")"},                        //
        {"tab\there", R"("tab\there")"},          //
        {std::string_view("\0", 1), R"("\x00")"}, //
        {"\ufeff", R"("\ufeff")"},                // byte order mark
        {"\ufffe", R"("\ufffe")"},                // noncharacters a reader rejects
        {"\uffff", R"("\uffff")"},                //
        {"\u00e9", "\"\u00e9\""},                 // printable: as it is, in quotes
        {"\U0001f600", "\"\U0001f600\""},
        {"\u00a0", "\"\u00a0\""}, // no-break space
        {"\"q\\", R"("\"q\\")"},  // a leading quote, a backslash
    };
    for (const auto& [value, yaml] : cases) {
        INFO("expected: " << yaml);
        CHECK(written(value) == "  value: " + std::string(yaml) + "\n");
    }
}

TEST_CASE("a break character or a control in a multi-line value leaves the literal block",
          "[yaml]") {
    CHECK(written("a\u0085b\n") == "  value: \"a\\x85b\\n\"\n");
    CHECK(written("a\u2028b\n") == "  value: \"a\\Lb\\n\"\n");
    CHECK(written("a\u2029b\n") == "  value: \"a\\Pb\\n\"\n");
    CHECK(written("a\u007fb\n") == "  value: \"a\\x7fb\\n\"\n");
    CHECK(written("a\u0080b\n") == "  value: \"a\\x80b\\n\"\n");
    CHECK(written("a\uffffb\n") == "  value: \"a\\uffffb\\n\"\n");
    CHECK(written("a\tb\n") == "  value: \"a\\tb\\n\"\n");
    CHECK(written("a \nb\n") == "  value: \"a \\nb\\n\"\n");    // a trailing space
    CHECK(written("a\nb\n\n") == "  value: \"a\\nb\\n\\n\"\n"); // two final line feeds
}

TEST_CASE("a literal block says its indentation when the first line starts with a space",
          "[yaml]") {
    CHECK(written("\n 8\n") == "  value: |2\n    \n     8\n");
    CHECK(written("\n\n    SELECT 1;\n") == "  value: |2\n    \n    \n        SELECT 1;\n");
    CHECK(written("  a\nb\n") == "  value: |2\n      a\n    b\n");
    // Otherwise the reader finds it, as before: generated/ keeps its blocks.
    CHECK(written("SELECT 1;\n") == "  value: |\n    SELECT 1;\n");
    CHECK(written("\nSELECT 1;\n  FROM t;\n") ==
          "  value: |\n    \n    SELECT 1;\n      FROM t;\n");
}

TEST_CASE("hostile values are read back exactly by yaml-cpp", "[yaml]") {
    const std::string_view values[] = {
        "\u0085",
        "a\u0085b\n",
        "a\u2028b\n",
        "a\u2029b\n",
        "\u0080",
        "\u009f",
        "\x7f",
        "a\u007fb\n",
        std::string_view("nul\0inside", 10),
        "\ufeff",
        "\ufffe",
        "\uffff",
        "+.inf",
        "+.Inf",
        "+.INF",
        "\n 8\n",
        "\n\n    SELECT 1;\n",
        "?a",
        ":a",
        "http://x/y?a=1&b=2",
        "---",
        "\U0001f600\n",
    };
    for (std::string_view text : values) {
        INFO("value: '" << text << "'");
        const YAML::Node node = round_trip(text);
        REQUIRE(node.IsScalar());
        CHECK(node.as<std::string>() == std::string(text));
    }
}

TEST_CASE("flow sequence items that a reader would split or read as a map are quoted", "[yaml]") {
    Stack s;
    s.apply(
        deployment("app").args({"?a", ":a", "http://x/y?a=1&b=2", "a#b", "--api", "--logLevel=INFO",
                                "&x", "*x", "!x", "|", ">", "'", "\"", "%x", "@x", "`x", "a:b"}));
    const std::string yaml = render_documents(s).front().yaml;
    CHECK_THAT(yaml, Catch::Contains(R"(args: ["?a", ":a", "http://x/y?a=1&b=2", "a#b", --api, )"
                                     R"(--logLevel=INFO, "&x", "*x", "!x", "|", ">", "'", "\"", )"
                                     R"("%x", "@x", "`x", "a:b"])"));
    const YAML::Node args = YAML::Load(yaml)["spec"]["template"]["spec"]["containers"][0]["args"];
    REQUIRE(args.size() == 17);
    CHECK(args[0].as<std::string>() == "?a");
    CHECK(args[1].as<std::string>() == ":a");
    CHECK(args[2].as<std::string>() == "http://x/y?a=1&b=2");
}
