// Which strings must be quoted so that a YAML 1.1 reader still sees a string.
//
// yaml-cpp decides quoting by YAML 1.2 core rules and writes 5432, yes, on, 0123 and
// 1e3 as plain scalars. kubectl reads YAML 1.1, where they are numbers or booleans, and
// rejects a ConfigMap or env value that is not a string. This predicate is deliberately
// broader than YAML 1.1's resolvers: quoting a string that did not need it costs nothing.
#include <array>
#include <kubestack/manifests.hpp>
#include <string_view>

namespace kubestack {
namespace {

constexpr std::array<std::string_view, 37> non_string_words = {
    "y",    "Y",    "yes",  "Yes",   "YES",   "n",     "N",     "no",   "No",   "NO",
    "true", "True", "TRUE", "false", "False", "FALSE", "on",    "On",   "ON",   "off",
    "Off",  "OFF",  "null", "Null",  "NULL",  "~",     ".inf",  ".Inf", ".INF", ".nan",
    ".NaN", ".NAN", "<<",   "=",     "-.inf", "-.Inf", "-.INF",
};

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Characters that may appear in YAML 1.1 ints (binary, octal, hex, sexagesimal), floats
// and timestamps, once the text starts like a number.
constexpr bool may_continue_a_number(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'x' ||
           c == 'X' || c == 'o' || c == 'O' || c == 't' || c == 'T' || c == 'z' || c == 'Z' ||
           c == '_' || c == '.' || c == ':' || c == '+' || c == '-' || c == ' ';
}

bool looks_like_a_number(std::string_view text) {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    if (text.empty()) return false;
    const bool starts_like_a_number =
        is_digit(text.front()) || (text.front() == '.' && text.size() > 1 && is_digit(text[1]));
    if (!starts_like_a_number) return false;
    for (char c : text)
        if (!may_continue_a_number(c)) return false;
    return true;
}

} // namespace

bool needs_quotes_in_yaml_1_1(std::string_view text) {
    if (text.empty()) return true;
    for (std::string_view word : non_string_words)
        if (text == word) return true;
    return looks_like_a_number(text);
}

} // namespace kubestack
