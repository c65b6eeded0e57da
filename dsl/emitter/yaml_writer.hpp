// A thin layer over yaml-cpp's emitter that quotes every string a YAML 1.1 reader would
// misread, and writes block maps and sequences from callbacks so that the shape of the
// code follows the shape of the manifest.
#pragma once

#include <kubestack/manifests.hpp>
#include <string>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace kubestack::emitter {

class YamlWriter {
public:
    void scalar(std::string_view text) {
        const std::string value(text);
        if (needs_quotes_in_yaml_1_1(text))
            out_ << YAML::DoubleQuoted << value;
        else if (is_literal_block(text))
            out_ << YAML::Literal << value;
        else
            out_ << value;
    }
    void scalar(int number) { out_ << number; }
    void scalar(bool flag) { out_ << YAML::TrueFalseBool << flag; }

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
        out_ << YAML::BeginMap;
        body();
        out_ << YAML::EndMap;
    }
    template <class Body>
    void sequence(std::string_view key, Body&& body) {
        this->key(key);
        out_ << YAML::BeginSeq;
        body();
        out_ << YAML::EndSeq;
    }
    // A sequence of strings, in flow style when short: args: ["--api", "--kubernetes"].
    template <class Strings>
    void strings(std::string_view key, const Strings& values) {
        this->key(key);
        out_ << YAML::Flow << YAML::BeginSeq;
        for (const auto& value : values)
            scalar(std::string_view(value));
        out_ << YAML::EndSeq;
    }
    void key(std::string_view text) {
        out_ << YAML::Key;
        scalar(text);
        out_ << YAML::Value;
    }

    std::string text() const {
        std::string yaml = out_.c_str();
        if (yaml.empty() || yaml.back() != '\n') yaml += '\n';
        return yaml;
    }

private:
    // A multi-line text that a literal block reproduces exactly: one final newline, and
    // no trailing spaces or tabs that a reader would strip.
    static bool is_literal_block(std::string_view text) {
        if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
        if (text.front() == ' ' || text.front() == '\t') return false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\r' || c == '\t' || (static_cast<unsigned char>(c) < 0x20 && c != '\n'))
                return false;
            if (c == '\n' && i > 0 && text[i - 1] == ' ') return false;
        }
        return true;
    }

    YAML::Emitter out_;
};

} // namespace kubestack::emitter
