// Character classes for the value rules. Written by hand rather than with <cctype>
// because those functions are not constexpr and depend on the C locale.
#pragma once

#include <string_view>

namespace kubestack::detail {

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool is_alpha(char c) {
    return is_lower(c) || is_upper(c);
}
constexpr bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
constexpr bool is_lower_alnum(char c) {
    return is_lower(c) || is_digit(c);
}
constexpr bool is_space_or_control(char c) {
    return c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

constexpr bool all_of(std::string_view text, bool (*accepts)(char)) {
    for (char c : text)
        if (!accepts(c)) return false;
    return true;
}

constexpr bool any_of(std::string_view text, bool (*accepts)(char)) {
    for (char c : text)
        if (accepts(c)) return true;
    return false;
}

} // namespace kubestack::detail
