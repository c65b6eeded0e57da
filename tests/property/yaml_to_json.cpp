// Reads a YAML stream with yaml-cpp and prints what it parsed as JSON: an array of the
// documents, maps as objects (in order), sequences as arrays, scalars as strings, null
// as null. The property test compares that with what the stack was given.
//
//     yaml_to_json FILE
//
// Every byte of a scalar is kept: only '"', '\' and C0 controls are escaped, and the
// rest is copied, so a reader of the output sees the exact text yaml-cpp produced.
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace {

void write_string(std::string& out, const std::string& text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void write_node(std::string& out, const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        out += '{';
        bool first = true;
        for (const auto& entry : node) {
            if (!entry.first.IsScalar()) throw std::runtime_error("a map key that is not a scalar");
            if (!first) out += ',';
            first = false;
            write_string(out, entry.first.Scalar());
            out += ':';
            write_node(out, entry.second);
        }
        out += '}';
        break;
    }
    case YAML::NodeType::Sequence: {
        out += '[';
        bool first = true;
        for (const auto& item : node) {
            if (!first) out += ',';
            first = false;
            write_node(out, item);
        }
        out += ']';
        break;
    }
    case YAML::NodeType::Scalar:
        write_string(out, node.Scalar());
        break;
    default:
        out += "null";
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
        const std::vector<YAML::Node> documents = YAML::LoadAll(in);
        std::string out = "[";
        for (std::size_t i = 0; i < documents.size(); ++i) {
            if (i > 0) out += ",\n";
            write_node(out, documents[i]);
        }
        out += "]\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "yaml-cpp: %s\n", error.what());
        return 1;
    }
}
