// The grammar of a container image reference, as the container runtimes parse it
// (distribution/reference): [domain[:port]/]path[:tag][@algorithm:hex].
//
// The API server only requires a non-empty image without surrounding spaces; a reference
// the runtime cannot parse is accepted, and every pod then fails with InvalidImageName.
// Checking the grammar at compile time catches "https://registry/app:1" and "App:1".
#pragma once

#include <cstddef>
#include <kubestack/detail/characters.hpp>
#include <string_view>

namespace kubestack {

namespace detail {

// [a-z0-9]+ joined by ".", "_", "__" or one or more "-".
constexpr bool is_image_path_component(std::string_view text) {
    if (text.empty() || !is_lower_alnum(text.front()) || !is_lower_alnum(text.back())) return false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_lower_alnum(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_lower_alnum(text[end]))
            ++end;
        const std::string_view separator = text.substr(i, end - i);
        const bool dashes = separator.find_first_not_of('-') == std::string_view::npos;
        if (!(separator == "." || separator == "_" || separator == "__" || dashes)) return false;
        i = end;
    }
    return true;
}

// Host name components of letters, digits and inner dashes, then an optional :port.
constexpr bool is_image_domain(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon != std::string_view::npos) {
        const std::string_view port = text.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        text = text.substr(0, colon);
    }
    while (true) {
        const std::size_t dot = text.find('.');
        const std::string_view part = text.substr(0, dot);
        if (part.empty() || !is_alnum(part.front()) || !is_alnum(part.back())) return false;
        for (char c : part)
            if (!is_alnum(c) && c != '-') return false;
        if (dot == std::string_view::npos) return true;
        text.remove_prefix(dot + 1);
    }
}

// [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
constexpr bool is_image_tag(std::string_view text) {
    if (text.empty() || text.size() > 128 || text.front() == '.' || text.front() == '-')
        return false;
    for (char c : text)
        if (!is_alnum(c) && c != '_' && c != '.' && c != '-') return false;
    return true;
}

// algorithm:hex, with at least 32 hex digits.
constexpr bool is_image_digest(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    for (char c : text.substr(0, colon))
        if (!is_lower_alnum(c) && c != '+' && c != '.' && c != '_' && c != '-') return false;
    const std::string_view hex = text.substr(colon + 1);
    return hex.size() >= 32 &&
           hex.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

} // namespace detail

// "redis:5.0", "epitechcontent/t-dop-600-poll:k8s", "registry:5000/team/app@sha256:...".
constexpr bool is_image_reference(std::string_view text) {
    const std::size_t at = text.find('@');
    if (at != std::string_view::npos && !detail::is_image_digest(text.substr(at + 1))) return false;
    std::string_view name = text.substr(0, at);
    const std::size_t last_slash = name.rfind('/');
    const std::size_t tag = name.find(':', last_slash == std::string_view::npos ? 0 : last_slash);
    if (tag != std::string_view::npos) {
        if (!detail::is_image_tag(name.substr(tag + 1))) return false;
        name = name.substr(0, tag);
    }
    // The first component is a domain when it has a dot or a port, or is localhost.
    const std::size_t first_slash = name.find('/');
    if (first_slash != std::string_view::npos) {
        const std::string_view first = name.substr(0, first_slash);
        if (first.find_first_of(".:") != std::string_view::npos || first == "localhost") {
            if (!detail::is_image_domain(first)) return false;
            name.remove_prefix(first_slash + 1);
        }
    }
    while (true) {
        const std::size_t slash = name.find('/');
        if (!detail::is_image_path_component(name.substr(0, slash))) return false;
        if (slash == std::string_view::npos) return true;
        name.remove_prefix(slash + 1);
    }
}

} // namespace kubestack
