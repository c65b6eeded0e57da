// Object names, as Kubernetes validates them.
//
// Most objects are named by a DNS-1123 subdomain; namespaces, containers, volumes and
// Services need the stricter DNS labels; roles only forbid path separators.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(name_must_be_a_dns_subdomain_of_lowercase_alphanumerics_dashes_and_dots)
KUBESTACK_BROKEN_RULE(name_must_be_a_dns_label_of_at_most_63_lowercase_alphanumerics_or_dashes)
KUBESTACK_BROKEN_RULE(service_name_must_start_with_a_letter_and_be_a_dns_label)
KUBESTACK_BROKEN_RULE(role_name_must_not_be_empty_dot_or_contain_slash_or_percent)
KUBESTACK_BROKEN_RULE(file_stem_must_be_lowercase_alphanumerics_dashes_and_dots)
} // namespace broken_rule

// RFC 1123 label: 1 to 63 of [a-z0-9-], starting and ending with an alphanumeric.
constexpr bool is_dns_label(std::string_view text) {
    return !text.empty() && text.size() <= 63 && detail::is_lower_alnum(text.front()) &&
           detail::is_lower_alnum(text.back()) &&
           detail::all_of(text, [](char c) { return detail::is_lower_alnum(c) || c == '-'; });
}

// RFC 1123 subdomain: dot-separated labels, 253 characters at most.
constexpr bool is_dns_subdomain(std::string_view text) {
    if (text.empty() || text.size() > 253) return false;
    for (std::size_t start = 0;;) {
        const std::size_t dot = text.find('.', start);
        if (!is_dns_label(text.substr(start, dot - start))) return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

// RFC 1035 label: a DNS label that starts with a letter (Service names).
constexpr bool is_dns_1035_label(std::string_view text) {
    return is_dns_label(text) && detail::is_lower(text.front());
}

// Roles and role bindings may use any path segment name, such as "system:traefik".
constexpr bool is_path_segment_name(std::string_view text) {
    return !text.empty() && text != "." && text != ".." &&
           detail::all_of(text, [](char c) { return c != '/' && c != '%'; });
}

constexpr bool is_file_stem(std::string_view text) {
    return !text.empty() && text.front() != '.' && detail::all_of(text, [](char c) {
        return detail::is_lower_alnum(c) || c == '-' || c == '.' || c == '_';
    });
}

namespace rules {
struct ObjectName {
    static constexpr auto accepts = is_dns_subdomain;
    KUBESTACK_REJECTED_BY(name_must_be_a_dns_subdomain_of_lowercase_alphanumerics_dashes_and_dots)
};
struct LabelName {
    static constexpr auto accepts = is_dns_label;
    KUBESTACK_REJECTED_BY(name_must_be_a_dns_label_of_at_most_63_lowercase_alphanumerics_or_dashes)
};
struct ServiceName {
    static constexpr auto accepts = is_dns_1035_label;
    KUBESTACK_REJECTED_BY(service_name_must_start_with_a_letter_and_be_a_dns_label)
};
struct RoleName {
    static constexpr auto accepts = is_path_segment_name;
    KUBESTACK_REJECTED_BY(role_name_must_not_be_empty_dot_or_contain_slash_or_percent)
};
struct FileStem {
    static constexpr auto accepts = is_file_stem;
    KUBESTACK_REJECTED_BY(file_stem_must_be_lowercase_alphanumerics_dashes_and_dots)
};
} // namespace rules

// Deployments, ConfigMaps, Secrets, volumes, claims, service accounts.
using Name = detail::CheckedText<rules::ObjectName>;
// Namespaces, containers, pod volumes.
using DnsLabel = detail::CheckedText<rules::LabelName>;
using ServiceName = detail::CheckedText<rules::ServiceName>;
using RoleName = detail::CheckedText<rules::RoleName>;
// The first part of a manifest's file name: "postgres" in postgres.volume.yaml.
using FileStem = detail::CheckedText<rules::FileStem>;

} // namespace kubestack
