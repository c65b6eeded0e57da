// Decoding UTF-8 as Unicode defines it (well-formed sequences only): no overlong forms,
// no surrogates, nothing above U+10FFFF, and encoding a code point. The text rule
// (text.hpp), the YAML writer, which escapes code points rather than bytes, and the
// readers of escapes (JSON, the review's YAML) share these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kubestack::detail {

// The code point that starts at `at`, and how many bytes encode it; 0 bytes when the
// text there is not well-formed UTF-8.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};

constexpr CodePoint decode_utf8(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    // 0x80 to 0xc1 only continue a sequence or start an overlong one; above 0xf4 is
    // beyond U+10FFFF.
    if (lead < 0xc2 || lead > 0xf4) return {};
    const std::size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    constexpr char32_t smallest_of_length[] = {0, 0, 0x80, 0x800, 0x10000};
    char32_t value = lead & (0x7fu >> length);
    if (text.size() - at < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        if ((next & 0xc0u) != 0x80u) return {};
        value = (value << 6) | (next & 0x3fu);
    }
    if (value < smallest_of_length[length] || value > 0x10ffff ||
        (value >= 0xd800 && value <= 0xdfff))
        return {};
    return {value, length};
}

constexpr bool is_well_formed_utf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = decode_utf8(text, at).length;
        if (length == 0) return false;
        at += length;
    }
    return true;
}

// Appends the UTF-8 bytes of a code point (at most U+10FFFF).
constexpr void encode_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xc0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xe0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    }
}

} // namespace kubestack::detail
