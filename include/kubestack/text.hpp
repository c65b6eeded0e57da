// The rule for every text a stack writes as given (ConfigMap and Secret data, annotation
// values, container args, env values, and every checked value): it must be valid UTF-8.
// YAML and the JSON that the API server stores hold Unicode text, not bytes; a byte that
// is not UTF-8 cannot be written so that a reader gets it back.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/utf8.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(text_must_be_valid_utf8)
} // namespace broken_rule

constexpr bool is_valid_utf8(std::string_view text) {
    return detail::is_well_formed_utf8(text);
}

} // namespace kubestack
