// Environment variables of a container: literal values, single keys of a ConfigMap or
// Secret, and whole ConfigMaps or Secrets (envFrom).
#pragma once

#include <kubestack/data_refs.hpp>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    env_var_name_must_be_letters_digits_underscores_dashes_or_dots_not_starting_with_a_digit)
} // namespace broken_rule

constexpr bool is_env_var_name(std::string_view text) {
    return !text.empty() && !detail::is_digit(text.front()) && detail::all_of(text, [](char c) {
        return detail::is_alnum(c) || c == '_' || c == '-' || c == '.';
    });
}

namespace rules {
struct EnvVarName {
    static constexpr auto accepts = is_env_var_name;
    static constexpr auto reject = broken_rule::
        env_var_name_must_be_letters_digits_underscores_dashes_or_dots_not_starting_with_a_digit;
};
} // namespace rules

using EnvVarName = detail::CheckedText<rules::EnvVarName>;

struct EnvVar {
    std::string_view name;
    bool from_key = false; // false: `value` holds the literal
    std::string_view value;
    KeyRef key;
    // Set when the literal is read from the binary's environment (environment.hpp).
    std::string_view environment;
    bool required = false;
};

} // namespace kubestack
