// A reader for the YAML that kubestack writes: block maps and sequences, flow sequences of
// scalars, plain, single- and double-quoted scalars (every YAML escape), and literal or
// folded blocks with indentation and chomping indicators. No anchors, tags or flow maps.
//
// The review reads both sides of a diff with it (the committed file, and the stack's own
// output read back), so that objects compare field by field. It lives in the driver,
// which does not link yaml-cpp: a stack binary must stay quick to link and to start.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kubestack::review {

struct YamlNode {
    enum class Kind { Scalar, Map, Sequence };
    Kind kind = Kind::Scalar;
    std::string text;   // a scalar's value, decoded
    bool plain = false; // a plain scalar: a YAML 1.1 reader may resolve it to a non-string
    std::vector<std::pair<std::string, YamlNode>> entries; // a map's, in order
    std::vector<YamlNode> items;                           // a sequence's

    // Defined in yaml_reader.cpp: clang with libstdc++ 12 would otherwise instantiate the
    // vector of pairs, to check that pair<string, YamlNode> is default-constructible,
    // while that pair is still incomplete.
    YamlNode();
    static YamlNode scalar(std::string text, bool plain = false);
    // The value at a key of a map, or null.
    const YamlNode* find(std::string_view key) const;
    // The value at a dotted path of map keys ("spec.selector"), or null.
    const YamlNode* at(std::string_view path) const;
};

// Equal as Kubernetes reads them: same structure and texts, map entries in any order,
// and a plain scalar equal to a quoted one only when YAML 1.1 reads both as strings.
bool same_value(const YamlNode& a, const YamlNode& b);

// A compact one-line rendering, for messages: {matchLabels: {app: poll}}.
std::string to_flow(const YamlNode& node);

// One document of a stream, with where it starts in the text (0-based line) and its lines.
struct YamlDocument {
    YamlNode root;
    std::size_t first_line = 0;
    std::size_t line_count = 0;
};

class YamlReadError : public std::runtime_error {
public:
    YamlReadError(std::size_t line, const std::string& what)
        : std::runtime_error("line " + std::to_string(line) + ": " + what)
        , line_(line) {}
    std::size_t line() const { return line_; }

private:
    std::size_t line_;
};

// Reads every document of a stream, separated by "---" lines. Comments and blank
// documents are skipped. Throws YamlReadError on anything outside the subset.
std::vector<YamlDocument> read_yaml_stream(std::string_view text);

} // namespace kubestack::review
