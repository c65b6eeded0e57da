// HTTP paths and header names: what an Ingress routes and what an httpGet probe requests.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(http_path_must_start_with_a_slash)
KUBESTACK_BROKEN_RULE(http_header_name_must_be_letters_digits_and_dashes)
} // namespace broken_rule

constexpr bool is_http_path(std::string_view text) {
    return !text.empty() && text.front() == '/' &&
           !detail::any_of(text, detail::is_space_or_control);
}

// As Kubernetes validates a probe's header names (IsHTTPHeaderName).
constexpr bool is_http_header_name(std::string_view text) {
    return !text.empty() &&
           detail::all_of(text, [](char c) { return detail::is_alnum(c) || c == '-'; });
}

namespace rules {
struct HttpPath {
    static constexpr auto accepts = is_http_path;
    KUBESTACK_REJECTED_BY(http_path_must_start_with_a_slash)
};
struct HttpHeaderName {
    static constexpr auto accepts = is_http_header_name;
    KUBESTACK_REJECTED_BY(http_header_name_must_be_letters_digits_and_dashes)
};
} // namespace rules

using HttpPath = detail::CheckedText<rules::HttpPath>;
using HttpHeaderName = detail::CheckedText<rules::HttpHeaderName>;

} // namespace kubestack
