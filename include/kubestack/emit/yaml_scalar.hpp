// How the YAML writer writes one scalar: plain, as a literal block, or double-quoted with
// escapes, chosen so that every reader, YAML 1.1 (kubectl, PyYAML) or 1.2 (yaml-cpp),
// reads back exactly the text that was written, as a string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kubestack::emitter {

enum class ScalarStyle {
    Plain,
    DoubleQuoted,
    Literal,         // `|`, its first line found by the reader
    IndentedLiteral, // `|2`, for text whose first line starts with a space
};

// Where the scalar goes: each place has its own indicators.
enum class ScalarPlace { Value, Key, FlowItem };

ScalarStyle style_of(std::string_view text, ScalarPlace place);

// `indent` is the column of the key or the dash that the scalar belongs to; the lines of
// a literal block go two columns further. Throws std::invalid_argument on text that is
// not valid UTF-8, which no YAML can hold (the DSL and the environment reader reject it
// before it gets here).
void write_scalar(std::string& out, std::string_view text, ScalarStyle style, std::size_t indent);

} // namespace kubestack::emitter
