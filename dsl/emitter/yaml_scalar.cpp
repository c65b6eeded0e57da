// Which style each scalar is written in, and the escapes of double-quoted scalars.
//
// Three kinds of reader must get the same string back: kubectl's decoder and PyYAML read
// YAML 1.1, where 5432, yes, on, 0123, 1e3 and ~ are numbers, booleans or null; yaml-cpp
// reads YAML 1.2. And all of them fold, break or reject some characters written raw: NEL,
// LS and PS are line breaks, C1 controls, DEL, U+FFFE and U+FFFF are refused
// ("control characters are not allowed"). So a scalar is plain only when it is printable
// ASCII that no reader resolves to another type and that holds no indicator; a literal
// block only when it reproduces the text exactly; otherwise it is double-quoted, with an
// escape for every character that a reader would not read back as itself.
#include <kubestack/detail/utf8.hpp>
#include <kubestack/emit/yaml_scalar.hpp>
#include <kubestack/manifests.hpp>
#include <stdexcept>
#include <string_view>

namespace kubestack {
namespace {

// Plain scalars that YAML 1.1 or 1.2 reads as a boolean, null, a merge key or a value key.
constexpr std::string_view non_string_words[] = {
    "y",    "Y",    "yes",  "Yes",   "YES",   "n",     "N",  "no", "No", "NO",
    "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
    "Off",  "OFF",  "null", "Null",  "NULL",  "~",     "<<", "=",
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

// Unsigned, as it follows an optional sign.
bool looks_like_a_number(std::string_view text) {
    if (text.empty()) return false;
    // YAML 1.1 floats may start with a dot, and take underscores anywhere: ._5 is 0.5.
    const bool starts_like_a_number =
        is_digit(text.front()) ||
        (text.front() == '.' && text.size() > 1 && (is_digit(text[1]) || text[1] == '_'));
    if (!starts_like_a_number) return false;
    for (char c : text)
        if (!may_continue_a_number(c)) return false;
    return true;
}

} // namespace

// Deliberately broader than the resolvers of YAML 1.1 and 1.2: quoting a string that did
// not need it costs nothing.
bool needs_quotes_in_yaml_1_1(std::string_view text) {
    if (text.empty()) return true;
    for (std::string_view word : non_string_words)
        if (text == word) return true;
    // Signed: -1, +12, -.5, +.inf, -.INF (YAML 1.1 and 1.2 both read +.inf as infinity).
    std::string_view unsigned_part = text;
    if (text.front() == '+' || text.front() == '-') unsigned_part.remove_prefix(1);
    for (std::string_view word : {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"})
        if (unsigned_part == word) return true;
    // A document marker starts a line only at column 0, but quoting it everywhere is simpler.
    if (text.starts_with("---") || text.starts_with("...")) return true;
    return looks_like_a_number(unsigned_part);
}

namespace emitter {
namespace {

// Characters that cannot start a plain scalar (`-`, only before a space or at the end).
// `?` and `:` may start one in block context for some readers, not for all: quoted.
constexpr std::string_view leading_indicators = "?:,[]{}#&*!|>'\"%@`";
// Characters that end or split a plain scalar in a flow sequence, for one reader or
// another: yaml-cpp stops at `?`, PyYAML at `:` and `?` inside [...].
constexpr std::string_view flow_indicators = ",[]{}#:?";

bool is_printable_ascii(char c) {
    return c >= 0x20 && c < 0x7f;
}

bool is_safe_plain(std::string_view text, ScalarPlace place) {
    if (needs_quotes_in_yaml_1_1(text)) return false;
    if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
    if (text.front() == '-' ? text.size() == 1 || text[1] == ' '
                            : leading_indicators.find(text.front()) != std::string_view::npos)
        return false;
    const bool in_flow = place == ScalarPlace::FlowItem;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!is_printable_ascii(c)) return false;
        if (c == ':' && i + 1 < text.size() && text[i + 1] == ' ') return false; // "a: b"
        if (c == '#' && i > 0 && text[i - 1] == ' ') return false;               // "a #b"
        if (in_flow && flow_indicators.find(c) != std::string_view::npos) return false;
    }
    return true;
}

// Code points that a reader takes as a line break (NEL, LS, PS), rejects (C0 and C1
// controls, DEL, U+FFFE, U+FFFF) or may drop (the byte order mark, U+FEFF). Tab and line
// feed are among them: they are written raw only where a reader keeps them.
bool needs_escape(char32_t c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff ||
           c == 0xfffe || c == 0xffff;
}

// A literal block reproduces a text exactly when it ends with a single line feed (the
// block's clip chomping keeps one), holds no character that needs an escape (tab
// included), and no line ends in a space. The first line that is not empty sets the
// indentation; if it starts with a space, the block says its indentation with `|2`.
ScalarStyle literal_style(std::string_view text) {
    if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n')
        return ScalarStyle::DoubleQuoted;
    for (std::size_t at = 0; at < text.size();) {
        const detail::CodePoint c = detail::decode_utf8(text, at);
        if (c.length == 0) return ScalarStyle::DoubleQuoted;
        if (c.value == '\n') {
            if (at > 0 && text[at - 1] == ' ') return ScalarStyle::DoubleQuoted;
        } else if (needs_escape(c.value)) {
            return ScalarStyle::DoubleQuoted;
        }
        at += c.length;
    }
    const std::size_t first_line = text.find_first_not_of('\n');
    return text[first_line] == ' ' ? ScalarStyle::IndentedLiteral : ScalarStyle::Literal;
}

void write_literal(std::string& out, std::string_view text, ScalarStyle style, std::size_t indent) {
    out += style == ScalarStyle::IndentedLiteral ? "|2" : "|";
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        out += '\n';
        out.append(indent + 2, ' ');
        out += text.substr(start, end - start);
        start = end + 1;
    }
}

void write_hex_escape(std::string& out, char kind, char32_t c, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '\\';
    out += kind;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out += hex[(c >> shift) & 0xf];
}

// The short escapes that every reader decodes alike. NEL has none: yaml-cpp 0.7 decodes
// `\N` (and `\_`) to a lone byte rather than to UTF-8, so NEL is written `\x85`.
std::string_view short_escape(char32_t c) {
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\t':
        return "\\t";
    case '\r':
        return "\\r";
    case 0x2028: // line separator
        return "\\L";
    case 0x2029: // paragraph separator
        return "\\P";
    default:
        return {};
    }
}

void write_double_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t at = 0; at < text.size();) {
        const detail::CodePoint c = detail::decode_utf8(text, at);
        if (c.length == 0)
            throw std::invalid_argument("cannot write text that is not valid UTF-8 as YAML");
        if (const std::string_view escape = short_escape(c.value); !escape.empty())
            out += escape;
        else if (!needs_escape(c.value))
            out += text.substr(at, c.length);
        else if (c.value <= 0xff) // a code point, not a byte: \x85 is U+0085
            write_hex_escape(out, 'x', c.value, 2);
        else
            write_hex_escape(out, 'u', c.value, 4);
        at += c.length;
    }
    out += '"';
}

} // namespace

ScalarStyle style_of(std::string_view text, ScalarPlace place) {
    if (is_safe_plain(text, place)) return ScalarStyle::Plain;
    if (place == ScalarPlace::Value) return literal_style(text);
    return ScalarStyle::DoubleQuoted;
}

void write_scalar(std::string& out, std::string_view text, ScalarStyle style, std::size_t indent) {
    switch (style) {
    case ScalarStyle::Plain:
        out += text;
        break;
    case ScalarStyle::DoubleQuoted:
        write_double_quoted(out, text);
        break;
    default:
        write_literal(out, text, style, indent);
    }
}

} // namespace emitter
} // namespace kubestack
