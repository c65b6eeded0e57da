// The UTF-8 rule of free text (text.hpp): the predicate, in constant expressions and at
// run time, and values read from the environment.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <kubestack/text.hpp>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace kubestack;
namespace fs = std::filesystem;

// The rule holds in constant expressions, where the DSL checks it.
static_assert(is_valid_utf8(""));
static_assert(is_valid_utf8("\xc2\x85"));         // NEL: valid, written as an escape
static_assert(is_valid_utf8("\xf4\x8f\xbf\xbf")); // U+10FFFF, the last code point
static_assert(!is_valid_utf8("\xff"));
static_assert(!is_valid_utf8("\xed\xa0\x80")); // a surrogate

TEST_CASE("well-formed UTF-8 is valid", "[text]") {
    const std::string_view valid[] = {
        "",
        "plain ascii",
        std::string_view("nul\0inside", 10),
        "\x7f",
        "\xc2\x80",                 // U+0080, the first two-byte form
        "\xc2\x85",                 // NEL
        "\xdf\xbf",                 // U+07FF
        "\xe0\xa0\x80",             // U+0800, the first three-byte form
        "\xed\x9f\xbf",             // U+D7FF, below the surrogates
        "\xee\x80\x80",             // U+E000, above them
        "\xef\xbb\xbf",             // the byte order mark
        "\xef\xbf\xbe",             // U+FFFE, a noncharacter, still UTF-8
        "\xf0\x90\x80\x80",         // U+10000, the first four-byte form
        "\xf0\x9f\x98\x80",         // an emoji
        "\xf4\x8f\xbf\xbf",         // U+10FFFF
        "caf\xc3\xa9 \xe6\x97\xa5", // mixed
    };
    for (std::string_view text : valid) {
        INFO("text: " << text);
        CHECK(is_valid_utf8(text));
    }
}

TEST_CASE("bytes that are not well-formed UTF-8 are refused", "[text]") {
    const std::string_view invalid[] = {
        "\x80",                 // a continuation byte alone
        "\xbf",                 //
        "a\x80",                //
        "\xc0\x80",             // overlong NUL
        "\xc1\xbf",             // overlong U+007F
        "\xe0\x80\x80",         // overlong
        "\xe0\x9f\xbf",         // overlong U+07FF
        "\xf0\x80\x80\x80",     // overlong
        "\xf0\x8f\xbf\xbf",     // overlong U+FFFF
        "\xed\xa0\x80",         // surrogate U+D800
        "\xed\xbf\xbf",         // surrogate U+DFFF
        "\xf4\x90\x80\x80",     // U+110000
        "\xf5\x80\x80\x80",     // lead byte above F4
        "\xf8\x88\x80\x80\x80", // five-byte form
        "\xfe",                 //
        "\xff",                 //
        "\xc3",                 // truncated
        "\xe2\x82",             //
        "\xf0\x9f\x98",         //
        "\xc3(",                // not a continuation
        "caf\xe9",              // Latin-1
        "\xe2\x82\xac\xff",     // valid, then not
    };
    for (std::string_view text : invalid) {
        INFO("bytes: " << text.size());
        CHECK_FALSE(is_valid_utf8(text));
    }
}

namespace {

constexpr Stack reads_a_password() {
    return stack().apply(
        secret("db").data("PASSWORD", environment("KUBESTACK_TEST_UTF8").orDefault("default")));
}

} // namespace

TEST_CASE("a variable that is not UTF-8 is an error that names it, and nothing is written",
          "[text][environment]") {
    ::setenv("KUBESTACK_TEST_UTF8", "pass\xffword", 1);
    CHECK_THROWS_WITH(
        render_stream(reads_a_password()),
        Catch::Contains("environment variable KUBESTACK_TEST_UTF8 is not valid UTF-8") &&
            Catch::Contains(R"(Secret "db" needs it for PASSWORD)"));
    const fs::path out =
        fs::temp_directory_path() / ("kubestack-utf8-" + std::to_string(::getpid()));
    fs::create_directories(out);
    const std::string directory = out.string();
    const char* argv[] = {"stack", "--out", directory.c_str()};
    CHECK(run_command_line(reads_a_password(), 3, argv) == 1);
    CHECK(fs::is_empty(out));
    fs::remove_all(out);

    ::setenv("KUBESTACK_TEST_UTF8", "pass\xc2\x85word", 1); // NEL: valid, written escaped
    CHECK_THAT(render_stream(reads_a_password()), Catch::Contains(R"(PASSWORD: "pass\x85word")"));
    ::unsetenv("KUBESTACK_TEST_UTF8");
}
