// The YAML writer of the emitter: block maps and sequences written from callbacks, so that
// the shape of the code follows the shape of the manifest.
//
// It writes the text itself rather than through yaml-cpp's emitter: yaml-cpp checks every
// plain scalar against its regular expressions, which took 83% of the time to write a
// 1000-app stack (callgrind), and it quotes by YAML 1.2 rules that kubectl, a YAML 1.1
// reader, does not share. How each scalar is written is in yaml_scalar.hpp; the tests
// read this output back with yaml-cpp, PyYAML and kubectl.
#pragma once

#include <kubestack/document.hpp>
#include <kubestack/emit/yaml_scalar.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kubestack::emitter {

class YamlWriter {
public:
    YamlWriter() { open_.push_back(&root_); }

    void scalar(std::string_view text) {
        add(Node::scalar(std::string(text), style_of(text, ScalarPlace::Value)));
    }
    void scalar(int number) { add(Node::scalar(std::to_string(number), ScalarStyle::Plain)); }
    void scalar(bool flag) { add(Node::scalar(flag ? "true" : "false", ScalarStyle::Plain)); }

    template <class Value>
    void field(std::string_view key, const Value& value) {
        this->key(key);
        scalar(value);
    }
    void field(std::string_view key, const char* value) { field(key, std::string_view(value)); }

    template <class Body>
    void map(std::string_view key, Body&& body) {
        this->key(key);
        map(body);
    }
    template <class Body>
    void map(Body&& body) {
        nest(Node::Kind::Map, body);
    }
    template <class Body>
    void sequence(std::string_view key, Body&& body) {
        this->key(key);
        nest(Node::Kind::Sequence, body);
    }
    template <class Body>
    void sequence(Body&& body) {
        nest(Node::Kind::Sequence, body);
    }
    // A scalar written exactly as given, never quoted: for text that the caller has made
    // a YAML number, `true`, `null`, or an empty flow collection (`[]`, `{}`).
    void verbatim(std::string text) { add(Node::scalar(std::move(text), ScalarStyle::Plain)); }
    // A sequence of strings, in flow style: args: [--api, --kubernetes].
    template <class Strings>
    void strings(std::string_view key, const Strings& values) {
        this->key(key);
        strings(values);
    }
    // The same as the next node, after a key():
    template <class Strings>
    void strings(const Strings& values) {
        auto flow = std::make_unique<Node>(Node::Kind::FlowSequence);
        for (const auto& value : values) {
            const std::string_view text(value);
            flow->items.push_back(
                Node::scalar(std::string(text), style_of(text, ScalarPlace::FlowItem)));
        }
        add(std::move(flow));
    }
    void key(std::string_view text) { pending_key_ = std::string(text); }

    std::string text() const {
        std::string out;
        if (!root_.items.empty()) write(out, *root_.items.front(), 0, false);
        return out;
    }

private:
    struct Node {
        enum class Kind { Scalar, Map, Sequence, FlowSequence };
        explicit Node(Kind k)
            : kind(k) {}
        static std::unique_ptr<Node> scalar(std::string text, ScalarStyle style) {
            auto node = std::make_unique<Node>(Kind::Scalar);
            node->text = std::move(text);
            node->style = style;
            return node;
        }
        Kind kind;
        std::string text;
        ScalarStyle style = ScalarStyle::Plain;
        std::vector<std::string> keys; // of a map, one per item
        std::vector<std::unique_ptr<Node>> items;
    };

    void add(std::unique_ptr<Node> node) {
        Node& parent = *open_.back();
        if (parent.kind == Node::Kind::Map) parent.keys.push_back(std::move(pending_key_));
        parent.items.push_back(std::move(node));
    }

    template <class Body>
    void nest(Node::Kind kind, Body& body) {
        auto node = std::make_unique<Node>(kind);
        Node* inner = node.get();
        add(std::move(node));
        open_.push_back(inner);
        body();
        open_.pop_back();
    }

    static void write(std::string& out, const Node& node, std::size_t indent, bool inline_first) {
        if (node.kind == Node::Kind::Map) {
            for (std::size_t i = 0; i < node.items.size(); ++i) {
                if (i > 0 || !inline_first) out.append(indent, ' ');
                write_scalar(out, node.keys[i], style_of(node.keys[i], ScalarPlace::Key), indent);
                out += ':';
                write_value(out, *node.items[i], indent);
            }
        } else if (node.kind == Node::Kind::Sequence) {
            for (std::size_t i = 0; i < node.items.size(); ++i) {
                const auto& item = node.items[i];
                if (i > 0 || !inline_first) out.append(indent, ' ');
                out += "- ";
                // A map or a sequence as an item starts on the dash's line: "- - a".
                if (item->kind == Node::Kind::Map || item->kind == Node::Kind::Sequence) {
                    write(out, *item, indent + 2, true);
                } else {
                    write_scalar(out, item->text, item->style, indent);
                    out += '\n';
                }
            }
        }
    }

    // What follows "key:" for a value of any kind.
    static void write_value(std::string& out, const Node& value, std::size_t indent) {
        switch (value.kind) {
        case Node::Kind::Scalar:
            out += ' ';
            write_scalar(out, value.text, value.style, indent);
            out += '\n';
            break;
        case Node::Kind::FlowSequence:
            out += " [";
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                if (i > 0) out += ", ";
                write_scalar(out, value.items[i]->text, value.items[i]->style, indent);
            }
            out += "]\n";
            break;
        default:
            out += '\n';
            write(out, value, indent + 2, false);
        }
    }

    Node root_{Node::Kind::Sequence};
    std::vector<Node*> open_;
    std::string pending_key_;
};

} // namespace kubestack::emitter
