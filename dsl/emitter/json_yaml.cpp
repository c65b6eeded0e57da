// A strict JSON reader (RFC 8259) that writes what it reads through the YAML writer.
//
// It reads the text twice: once to check it, once to write it, so that a mistake leaves
// the writer as it was. Both passes are linear; open values are small.
#include <kubestack/detail/utf8.hpp>
#include <kubestack/emit/json_yaml.hpp>
#include <set>
#include <stdexcept>
#include <string>

namespace kubestack::emitter {
namespace {

// Deeper JSON than this is refused rather than read by recursion without end.
constexpr int deepest_nesting = 200;

class JsonToYaml {
public:
    JsonToYaml(std::string_view text, std::string_view path, YamlWriter* out)
        : text_(text)
        , path_(path)
        , out_(out) {}

    void document() {
        for (std::size_t at = 0; at < text_.size();) {
            const std::size_t length = detail::decode_utf8(text_, at).length;
            if (length == 0) fail_at(at, "not valid UTF-8");
            at += length;
        }
        skip_space();
        value(0);
        skip_space();
        if (at_ < text_.size()) fail("text after the value");
    }

private:
    [[noreturn]] void fail_at(std::size_t at, const std::string& what) const {
        std::string message = path_.empty() ? std::string() : std::string(path_) + ": ";
        message += "invalid JSON at byte " + std::to_string(at) + ": " + what;
        throw std::invalid_argument(message);
    }
    [[noreturn]] void fail(const std::string& what) const { fail_at(at_, what); }

    bool at_end() const { return at_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[at_]; }
    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++at_;
    }
    void expect(char wanted) {
        if (peek() != wanted || at_end()) fail(std::string("expected '") + wanted + "'");
        ++at_;
    }
    void emit(std::string text) {
        if (out_ != nullptr) out_->verbatim(std::move(text));
    }

    void value(int depth) {
        if (depth > deepest_nesting)
            fail("nested deeper than " + std::to_string(deepest_nesting) + " levels");
        if (at_end()) fail("expected a value, found the end of the text");
        switch (peek()) {
        case '{':
            object(depth);
            return;
        case '[':
            array(depth);
            return;
        case '"': {
            const std::string text = string();
            if (out_ != nullptr) out_->scalar(std::string_view(text));
            return;
        }
        case 't':
            word("true");
            return;
        case 'f':
            word("false");
            return;
        case 'n':
            word("null");
            return;
        default:
            if (peek() == '-' || is_digit(peek())) {
                number();
                return;
            }
            fail("expected a value");
        }
    }

    void word(std::string_view literal) {
        if (text_.substr(at_, literal.size()) != literal) fail("expected " + std::string(literal));
        at_ += literal.size();
        emit(std::string(literal));
    }

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    void digits() {
        if (!is_digit(peek()) || at_end()) fail("expected a digit");
        while (!at_end() && is_digit(peek()))
            ++at_;
    }
    void number() {
        const std::size_t start = at_;
        if (peek() == '-') ++at_;
        if (peek() == '0' && !at_end()) {
            ++at_;
            if (is_digit(peek()) && !at_end()) fail("a number cannot start with 0");
        } else {
            digits();
        }
        if (peek() == '.' && !at_end()) {
            ++at_;
            digits();
        }
        if ((peek() == 'e' || peek() == 'E') && !at_end()) {
            ++at_;
            if (peek() == '+' || peek() == '-') ++at_;
            digits();
        }
        emit(yaml_number_from_json(text_.substr(start, at_ - start)));
    }

    void object(int depth) {
        ++at_; // {
        skip_space();
        if (peek() == '}' && !at_end()) {
            ++at_;
            emit("{}");
            return;
        }
        const auto members = [&] {
            std::set<std::string, std::less<>> names;
            for (;;) {
                skip_space();
                if (peek() != '"' || at_end()) fail("expected a member name in double quotes");
                const std::size_t name_at = at_;
                std::string name = string();
                if (!names.insert(name).second)
                    fail_at(name_at, "duplicate member \"" + name + "\"");
                skip_space();
                expect(':');
                skip_space();
                if (out_ != nullptr) out_->key(name);
                value(depth + 1);
                skip_space();
                if (peek() == ',' && !at_end()) {
                    ++at_;
                    continue;
                }
                if (peek() == '}' && !at_end()) {
                    ++at_;
                    return;
                }
                fail("expected ',' or '}'");
            }
        };
        if (out_ != nullptr)
            out_->map(members);
        else
            members();
    }

    void array(int depth) {
        ++at_; // [
        skip_space();
        if (peek() == ']' && !at_end()) {
            ++at_;
            emit("[]");
            return;
        }
        const auto items = [&] {
            for (;;) {
                skip_space();
                value(depth + 1);
                skip_space();
                if (peek() == ',' && !at_end()) {
                    ++at_;
                    continue;
                }
                if (peek() == ']' && !at_end()) {
                    ++at_;
                    return;
                }
                fail("expected ',' or ']'");
            }
        };
        if (out_ != nullptr)
            out_->sequence(items);
        else
            items();
    }

    unsigned hex4() {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i, ++at_) {
            const char c = peek();
            if (at_end()) fail("expected four hex digits after \\u");
            value <<= 4;
            if (is_digit(c))
                value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail("expected four hex digits after \\u");
        }
        return value;
    }

    char32_t escaped_code_point() {
        const std::size_t start = at_ - 2; // at the backslash
        const unsigned first = hex4();
        if (first >= 0xdc00 && first <= 0xdfff) fail_at(start, "a lone low surrogate");
        if (first < 0xd800 || first > 0xdbff) return first;
        if (text_.substr(at_, 2) != "\\u") fail_at(start, "a high surrogate without its low half");
        at_ += 2;
        const unsigned second = hex4();
        if (second < 0xdc00 || second > 0xdfff)
            fail_at(start, "a high surrogate without its low half");
        return 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
    }

    std::string string() {
        ++at_; // "
        std::string text;
        for (;;) {
            if (at_end()) fail("a string without its closing quote");
            const char c = text_[at_];
            if (c == '"') {
                ++at_;
                return text;
            }
            if (static_cast<unsigned char>(c) < 0x20) fail("a control character in a string");
            if (c != '\\') {
                text += c;
                ++at_;
                continue;
            }
            ++at_;
            if (at_end()) fail("a string without its closing quote");
            const char escape = text_[at_++];
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                text += escape;
                break;
            case 'b':
                text += '\b';
                break;
            case 'f':
                text += '\f';
                break;
            case 'n':
                text += '\n';
                break;
            case 'r':
                text += '\r';
                break;
            case 't':
                text += '\t';
                break;
            case 'u':
                detail::encode_utf8(text, escaped_code_point());
                break;
            default:
                fail_at(at_ - 2, std::string("unknown escape \\") + escape);
            }
        }
    }

    std::string_view text_;
    std::string_view path_;
    YamlWriter* out_;
    std::size_t at_ = 0;
};

} // namespace

void write_json(YamlWriter& out, std::string_view json, std::string_view path) {
    JsonToYaml(json, path, nullptr).document(); // throws before anything is written
    JsonToYaml(json, path, &out).document();
}

std::string yaml_number_from_json(std::string_view number) {
    const std::size_t exponent = number.find_first_of("eE");
    if (exponent == std::string_view::npos) return std::string(number);
    std::string mantissa(number.substr(0, exponent));
    if (mantissa.find('.') == std::string::npos) mantissa += ".0";
    std::string_view power = number.substr(exponent + 1);
    std::string sign = "+";
    if (!power.empty() && (power.front() == '+' || power.front() == '-')) {
        sign = std::string(1, power.front());
        power.remove_prefix(1);
    }
    return mantissa + number[exponent] + sign + std::string(power);
}

} // namespace kubestack::emitter
