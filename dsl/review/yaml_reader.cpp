// The reader works line by line: a block node starts at a column of a line (after "- " in a
// sequence, that column is inside the line), and its siblings start at the same column on
// later lines. Scalars are decoded as YAML 1.2 says (escapes, folding, chomping).
#include "yaml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <kubestack/detail/utf8.hpp>
#include <kubestack/manifests.hpp>

namespace kubestack::review {

YamlNode::YamlNode() = default;

YamlNode YamlNode::scalar(std::string text, bool plain) {
    YamlNode node;
    node.text = std::move(text);
    node.plain = plain;
    return node;
}

const YamlNode* YamlNode::find(std::string_view key) const {
    if (kind != Kind::Map) return nullptr;
    for (const auto& [k, v] : entries)
        if (k == key) return &v;
    return nullptr;
}

const YamlNode* YamlNode::at(std::string_view path) const {
    const YamlNode* node = this;
    while (node && !path.empty()) {
        const std::size_t dot = path.find('.');
        node = node->find(path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return node;
}

namespace {

// A plain scalar that a YAML 1.1 reader resolves to a number, boolean or null is not the
// same value as the quoted string with the same text.
bool reads_as_string(const YamlNode& node) {
    return !node.plain || !needs_quotes_in_yaml_1_1(node.text);
}

} // namespace

bool same_value(const YamlNode& a, const YamlNode& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case YamlNode::Kind::Scalar:
        return a.text == b.text && reads_as_string(a) == reads_as_string(b);
    case YamlNode::Kind::Sequence:
        return a.items.size() == b.items.size() &&
               std::equal(a.items.begin(), a.items.end(), b.items.begin(), same_value);
    default:
        if (a.entries.size() != b.entries.size()) return false;
        for (const auto& [key, value] : a.entries) {
            const YamlNode* other = b.find(key);
            if (!other || !same_value(value, *other)) return false;
        }
        return true;
    }
}

std::string to_flow(const YamlNode& node) {
    switch (node.kind) {
    case YamlNode::Kind::Scalar: {
        if (node.plain) return node.text.empty() ? "null" : node.text;
        std::string out = "\"";
        for (char c : node.text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (c == '\n') {
                out += "\\n";
            } else if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\x";
                out += hex[static_cast<unsigned char>(c) >> 4];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
        return out + '"';
    }
    case YamlNode::Kind::Sequence: {
        std::string out = "[";
        for (std::size_t i = 0; i < node.items.size(); ++i)
            out += (i > 0 ? ", " : "") + to_flow(node.items[i]);
        return out + ']';
    }
    default: {
        std::string out = "{";
        for (std::size_t i = 0; i < node.entries.size(); ++i)
            out += (i > 0 ? ", " : "") + node.entries[i].first + ": " +
                   to_flow(node.entries[i].second);
        return out + '}';
    }
    }
}

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t indent_of(std::string_view line) {
    const std::size_t first = line.find_first_not_of(' ');
    return first == npos ? line.size() : first;
}

bool is_blank_or_comment(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t");
    return first == npos || line[first] == '#';
}

// The rest of a line after a value: nothing, or a comment.
bool is_trailer(std::string_view rest) {
    return is_blank_or_comment(rest);
}

class DocumentReader {
public:
    DocumentReader(std::vector<std::string_view> lines, std::size_t first_line)
        : lines_(std::move(lines))
        , first_line_(first_line) {}

    // The document's root, or nullopt-like empty flag when it holds only comments.
    bool read(YamlNode& root) {
        skip_blank();
        if (pos_ == lines_.size()) return false;
        const std::size_t column = indent_of(lines_[pos_]);
        if (column != 0) fail("the document's first node is indented");
        root = node_at(column, 0, true);
        skip_blank();
        if (pos_ != lines_.size()) fail("unexpected text after the document's root node");
        return true;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw YamlReadError(first_line_ + std::min(pos_, lines_.size() - 1) + 1, what);
    }

    void skip_blank() {
        while (pos_ < lines_.size() && is_blank_or_comment(lines_[pos_]))
            ++pos_;
    }

    std::string_view rest_at(std::size_t column) const {
        const std::string_view line = lines_[pos_];
        return column < line.size() ? line.substr(column) : std::string_view();
    }

    static bool starts_sequence_item(std::string_view text) {
        return !text.empty() && text[0] == '-' && (text.size() == 1 || text[1] == ' ');
    }

    // The end of a quoted scalar that starts at text[0], or npos when it does not end on
    // this line.
    static std::size_t quoted_end(std::string_view text) {
        const char quote = text[0];
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i;
            } else if (text[i] == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i;
            }
        }
        return npos;
    }

    // Where the ':' of a "key: value" line is, or npos when the text is not a map entry.
    static std::size_t key_colon(std::string_view text) {
        if (text.empty()) return npos;
        std::size_t from = 0;
        if (text[0] == '"' || text[0] == '\'') {
            const std::size_t end = quoted_end(text);
            if (end == npos) return npos;
            from = text.find_first_not_of(' ', end + 1);
            if (from == npos || text[from] != ':') return npos;
            return from + 1 == text.size() || text[from + 1] == ' ' ? from : npos;
        }
        if (std::string_view("[{|>#").find(text[0]) != npos) return npos;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '#' && i > 0 && text[i - 1] == ' ') return npos;
            if (text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' ')) return i;
        }
        return npos;
    }

    // The node that starts at `column` of the current line. `parent` is the indentation of
    // the enclosing block, from which block scalar indentation indicators count.
    YamlNode node_at(std::size_t column, std::size_t parent, bool top = false) {
        const std::string_view text = rest_at(column);
        if (starts_sequence_item(text)) return sequence_at(column);
        if (key_colon(text) != npos) return map_at(column);
        return scalar_value(text, top ? 0 : parent, top);
    }

    YamlNode sequence_at(std::size_t column) {
        YamlNode node;
        node.kind = YamlNode::Kind::Sequence;
        for (;;) {
            const std::string_view text = rest_at(column);
            const std::size_t content = text.find_first_not_of(' ', 1);
            if (content == npos || text[content] == '#') {
                ++pos_;
                skip_blank();
                if (pos_ < lines_.size() && indent_of(lines_[pos_]) > column)
                    node.items.push_back(node_at(indent_of(lines_[pos_]), column));
                else
                    node.items.push_back(YamlNode::scalar("", true));
            } else {
                node.items.push_back(node_at(column + content, column));
            }
            skip_blank();
            if (pos_ == lines_.size()) break;
            const std::size_t next = indent_of(lines_[pos_]);
            if (next > column) fail("unexpected indentation in a sequence");
            if (next < column || !starts_sequence_item(rest_at(column))) break;
        }
        return node;
    }

    YamlNode map_at(std::size_t column) {
        YamlNode node;
        node.kind = YamlNode::Kind::Map;
        for (;;) {
            const std::string_view text = rest_at(column);
            const std::size_t colon = key_colon(text);
            if (colon == npos) fail("expected a \"key: value\" entry");
            std::string_view key_text = text.substr(0, colon);
            while (!key_text.empty() && key_text.back() == ' ')
                key_text.remove_suffix(1);
            std::string key =
                key_text.empty() || (key_text[0] != '"' && key_text[0] != '\'')
                    ? std::string(key_text)
                    : decode_quoted(key_text.substr(1, key_text.size() - 2), key_text[0]);
            for (const auto& entry : node.entries)
                if (entry.first == key) fail("duplicate key \"" + key + "\"");
            std::string_view rest = text.substr(colon + 1);
            const std::size_t value_start = rest.find_first_not_of(' ');
            if (value_start == npos || rest[value_start] == '#') {
                ++pos_;
                skip_blank();
                std::size_t next = pos_ < lines_.size() ? indent_of(lines_[pos_]) : 0;
                if (pos_ < lines_.size() &&
                    (next > column || (next == column && starts_sequence_item(rest_at(column)))))
                    node.entries.emplace_back(std::move(key), node_at(next, column));
                else
                    node.entries.emplace_back(std::move(key), YamlNode::scalar("", true));
            } else {
                node.entries.emplace_back(std::move(key),
                                          scalar_value(rest.substr(value_start), column, false));
            }
            skip_blank();
            if (pos_ == lines_.size()) break;
            const std::size_t next = indent_of(lines_[pos_]);
            if (next > column) fail("unexpected indentation in a map");
            if (next < column || starts_sequence_item(rest_at(column))) break;
        }
        return node;
    }

    // A scalar written after "key: " or "- " on the current line (a quoted scalar or a block
    // scalar may go on over the next lines). Leaves pos_ on the line after it.
    YamlNode scalar_value(std::string_view text, std::size_t parent, bool top) {
        if (text.empty()) {
            ++pos_;
            return YamlNode::scalar("", true);
        }
        const char first = text[0];
        if (first == '"' || first == '\'') return quoted(text, first);
        if (first == '|' || first == '>') return block_scalar(text, parent, top);
        if (first == '[') return flow_sequence(text);
        if (first == '{') {
            if (text.substr(0, 2) != "{}" || !is_trailer(text.substr(2)))
                fail("flow maps are not supported");
            ++pos_;
            YamlNode empty;
            empty.kind = YamlNode::Kind::Map;
            return empty;
        }
        if (std::string_view("&*!%@`").find(first) != npos)
            fail(
                std::string("anchors, aliases, tags and reserved indicators are not supported ('") +
                first + "')");
        ++pos_;
        return YamlNode::scalar(std::string(plain_text(text)), true);
    }

    static std::string_view plain_text(std::string_view text) {
        const std::size_t comment = text.find(" #");
        if (comment != npos) text = text.substr(0, comment);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
        return text;
    }

    YamlNode quoted(std::string_view text, char quote) {
        std::string raw;
        std::size_t end = quoted_end(text);
        std::string_view tail;
        if (end != npos) {
            raw = std::string(text.substr(1, end - 1));
            tail = text.substr(end + 1);
            ++pos_;
        } else {
            // Goes on over the next lines: join them with line breaks, then fold.
            std::string joined(text);
            for (;;) {
                ++pos_;
                if (pos_ == lines_.size()) fail("unterminated quoted scalar");
                joined += '\n';
                joined += lines_[pos_];
                end = quoted_end(joined);
                if (end != npos) break;
            }
            raw = joined.substr(1, end - 1);
            tail = lines_[pos_].substr(lines_[pos_].size() - (joined.size() - end - 1));
            ++pos_;
        }
        if (!is_trailer(tail)) fail("unexpected text after a quoted scalar");
        return YamlNode::scalar(decode_quoted(raw, quote), false);
    }

    // Decodes the inside of a quoted scalar: escapes (double quotes), '' (single quotes),
    // and line folding of a scalar written over several lines.
    std::string decode_quoted(std::string_view raw, char quote) const {
        std::string out;
        std::size_t i = 0;
        while (i < raw.size()) {
            const char c = raw[i];
            if (quote == '\'' && c == '\'' && i + 1 < raw.size() && raw[i + 1] == '\'') {
                out += '\'';
                i += 2;
            } else if (quote == '"' && c == '\\') {
                i = escape(raw, i + 1, out);
            } else if (c == ' ' || c == '\t') {
                std::size_t j = i;
                while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t'))
                    ++j;
                if (j == raw.size() || raw[j] != '\n') out.append(raw.substr(i, j - i));
                i = j;
            } else if (c == '\n') {
                std::size_t empty_lines = 0;
                i = skip_line_start(raw, i + 1);
                while (i < raw.size() && raw[i] == '\n') {
                    ++empty_lines;
                    i = skip_line_start(raw, i + 1);
                }
                if (empty_lines == 0)
                    out += ' ';
                else
                    out.append(empty_lines, '\n');
            } else {
                out += c;
                ++i;
            }
        }
        return out;
    }

    static std::size_t skip_line_start(std::string_view raw, std::size_t i) {
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t'))
            ++i;
        return i;
    }

    // One escape after a backslash at raw[i - 1]; returns the index after it.
    std::size_t escape(std::string_view raw, std::size_t i, std::string& out) const {
        if (i == raw.size()) fail("a double-quoted scalar ends with a lone backslash");
        const char c = raw[i];
        const auto hex = [&](std::size_t digits) {
            if (i + digits >= raw.size()) fail("a truncated \\x, \\u or \\U escape");
            std::uint32_t code = 0;
            for (std::size_t k = 1; k <= digits; ++k) {
                const char h = raw[i + k];
                code <<= 4;
                if (h >= '0' && h <= '9')
                    code |= static_cast<std::uint32_t>(h - '0');
                else if (h >= 'a' && h <= 'f')
                    code |= static_cast<std::uint32_t>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    code |= static_cast<std::uint32_t>(h - 'A' + 10);
                else
                    fail(std::string("a bad hexadecimal digit '") + h + "' in an escape");
            }
            if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                fail("an escape names no Unicode character");
            detail::encode_utf8(out, code);
            return i + digits + 1;
        };
        switch (c) {
        case '0':
            out += '\0';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 't':
        case '\t':
            out += '\t';
            break;
        case 'n':
            out += '\n';
            break;
        case 'v':
            out += '\v';
            break;
        case 'f':
            out += '\f';
            break;
        case 'r':
            out += '\r';
            break;
        case 'e':
            out += '\x1b';
            break;
        case ' ':
            out += ' ';
            break;
        case '"':
            out += '"';
            break;
        case '/':
            out += '/';
            break;
        case '\\':
            out += '\\';
            break;
        case 'N':
            detail::encode_utf8(out, 0x85);
            break;
        case '_':
            detail::encode_utf8(out, 0xA0);
            break;
        case 'L':
            detail::encode_utf8(out, 0x2028);
            break;
        case 'P':
            detail::encode_utf8(out, 0x2029);
            break;
        case 'x':
            return hex(2);
        case 'u':
            return hex(4);
        case 'U':
            return hex(8);
        case '\n':
            return skip_line_start(raw, i + 1); // an escaped line break joins the lines
        default:
            fail(std::string("unknown escape '\\") + c + "'");
        }
        return i + 1;
    }

    YamlNode flow_sequence(std::string_view text) {
        YamlNode node;
        node.kind = YamlNode::Kind::Sequence;
        std::size_t i = 1;
        const auto skip_spaces = [&] {
            while (i < text.size() && text[i] == ' ')
                ++i;
        };
        skip_spaces();
        if (i < text.size() && text[i] == ']') {
            ++i;
        } else {
            for (;;) {
                skip_spaces();
                if (i == text.size()) fail("a flow sequence must end on its line");
                if (text[i] == '"' || text[i] == '\'') {
                    const std::size_t end = quoted_end(text.substr(i));
                    if (end == npos) fail("unterminated quoted scalar in a flow sequence");
                    node.items.push_back(YamlNode::scalar(
                        decode_quoted(text.substr(i + 1, end - 1), text[i]), false));
                    i += end + 1;
                } else if (text[i] == '[' || text[i] == '{') {
                    fail("nested flow collections are not supported");
                } else {
                    const std::size_t end = text.find_first_of(",]", i);
                    if (end == npos) fail("a flow sequence must end on its line");
                    node.items.push_back(
                        YamlNode::scalar(std::string(plain_text(text.substr(i, end - i))), true));
                    i = end;
                }
                skip_spaces();
                if (i == text.size()) fail("a flow sequence must end on its line");
                if (text[i] == ']') {
                    ++i;
                    break;
                }
                if (text[i] != ',') fail("expected ',' or ']' in a flow sequence");
                ++i;
            }
        }
        if (!is_trailer(text.substr(i))) fail("unexpected text after a flow sequence");
        ++pos_;
        return node;
    }

    // A literal (|) or folded (>) block: header indicators in any order, an explicit
    // indentation counted from the parent block's, or the first content line's.
    YamlNode block_scalar(std::string_view header, std::size_t parent, bool top) {
        const bool literal = header[0] == '|';
        char chomping = 'c'; // clip
        std::size_t explicit_indent = 0;
        std::size_t i = 1;
        for (; i < header.size() && i < 3; ++i) {
            const char c = header[i];
            if ((c == '-' || c == '+') && chomping == 'c')
                chomping = c;
            else if (c >= '1' && c <= '9' && explicit_indent == 0)
                explicit_indent = static_cast<std::size_t>(c - '0');
            else
                break;
        }
        if (!is_trailer(header.substr(i)) || (i < header.size() && header[i] != ' '))
            fail("a bad block scalar header");
        ++pos_;

        std::size_t content_indent = 0;
        if (explicit_indent != 0) {
            content_indent = (top ? 0 : parent) + explicit_indent;
        } else {
            for (std::size_t k = pos_; k < lines_.size(); ++k)
                if (lines_[k].find_first_not_of(' ') != npos) {
                    content_indent = indent_of(lines_[k]);
                    break;
                }
            if (content_indent <= parent && !top) content_indent = parent + 1;
        }

        std::vector<std::string_view> body;
        while (pos_ < lines_.size()) {
            const std::string_view line = lines_[pos_];
            const bool blank = line.find_first_not_of(' ') == npos;
            if (!blank && indent_of(line) < content_indent) break;
            body.push_back(blank && line.size() <= content_indent ? std::string_view()
                                                                  : line.substr(content_indent));
            ++pos_;
        }
        std::size_t trailing = 0;
        while (!body.empty() && body.back().empty()) {
            body.pop_back();
            ++trailing;
        }

        std::string out;
        if (literal) {
            for (std::size_t k = 0; k < body.size(); ++k) {
                if (k > 0) out += '\n';
                out += body[k];
            }
        } else {
            bool have = false, previous_more_indented = false;
            std::size_t empty_lines = 0;
            for (std::string_view line : body) {
                if (line.empty()) {
                    ++empty_lines;
                    continue;
                }
                const bool more_indented = line[0] == ' ' || line[0] == '\t';
                if (!have)
                    out.append(empty_lines, '\n');
                else if (more_indented || previous_more_indented)
                    out.append(empty_lines + 1, '\n');
                else if (empty_lines > 0)
                    out.append(empty_lines, '\n');
                else
                    out += ' ';
                out += line;
                have = true;
                previous_more_indented = more_indented;
                empty_lines = 0;
            }
        }
        if (!body.empty() && chomping != '-') out += '\n';
        if (chomping == '+') out.append(trailing, '\n');
        return YamlNode::scalar(std::move(out), false);
    }

    std::vector<std::string_view> lines_;
    std::size_t first_line_;
    std::size_t pos_ = 0;
};

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool is_document_start(std::string_view line) {
    return line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
}

} // namespace

std::vector<YamlDocument> read_yaml_stream(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    std::vector<YamlDocument> documents;
    std::size_t start = 0;
    const auto finish = [&](std::size_t end) {
        YamlDocument document;
        document.first_line = start;
        document.line_count = end - start;
        DocumentReader reader({lines.begin() + static_cast<std::ptrdiff_t>(start),
                               lines.begin() + static_cast<std::ptrdiff_t>(end)},
                              start);
        if (reader.read(document.root)) documents.push_back(std::move(document));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.starts_with("%")) throw YamlReadError(i + 1, "directives are not supported");
        if (is_document_start(line) || line == "...") {
            if (line.size() > 3 && !is_blank_or_comment(line.substr(3)))
                throw YamlReadError(i + 1, "a node on the document marker line is not supported");
            finish(i);
            start = i + 1;
        }
    }
    finish(lines.size());
    return documents;
}

} // namespace kubestack::review
