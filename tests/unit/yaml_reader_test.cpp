// The review's YAML reader: every file kubestack writes reads as yaml-cpp reads it, and
// each scalar form and escape of YAML 1.2 decodes as the spec says.
#include <kubestack/emit/yaml_writer.hpp>
#include "review/yaml_reader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <kubestack/manifests.hpp>
#include <sstream>
#include <yaml-cpp/yaml.h>

using namespace kubestack;
using namespace kubestack::review;
namespace fs = std::filesystem;

namespace {

YamlNode read_one(std::string_view yaml) {
    const std::vector<YamlDocument> documents = read_yaml_stream(yaml);
    REQUIRE(documents.size() == 1);
    return documents.front().root;
}

std::string value_of(std::string_view yaml, std::string_view path = "v") {
    const YamlNode root = read_one(yaml);
    const YamlNode* node = root.at(path);
    REQUIRE(node != nullptr);
    return node->text;
}

// The same tree as yaml-cpp's parser reads.
bool same_as_yaml_cpp(const YAML::Node& expected, const YamlNode& node) {
    switch (expected.Type()) {
    case YAML::NodeType::Map:
        if (node.kind != YamlNode::Kind::Map || node.entries.size() != expected.size())
            return false;
        for (const auto& entry : expected) {
            const YamlNode* value = node.find(entry.first.Scalar());
            if (!value || !same_as_yaml_cpp(entry.second, *value)) return false;
        }
        return true;
    case YAML::NodeType::Sequence:
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() != expected.size())
            return false;
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (!same_as_yaml_cpp(expected[i], node.items[i])) return false;
        return true;
    case YAML::NodeType::Null:
        return node.kind == YamlNode::Kind::Scalar && node.plain && node.text.empty();
    default:
        return node.kind == YamlNode::Kind::Scalar && node.text == expected.Scalar();
    }
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("every committed manifest reads as yaml-cpp reads it", "[review][yaml]") {
    std::size_t files = 0;
    for (const fs::path& directory :
         {fs::path(KUBESTACK_SOURCE_DIR) / "generated",
          fs::path(KUBESTACK_SOURCE_DIR) / "examples/guestbook/generated"}) {
        for (const auto& entry : fs::directory_iterator(directory)) {
            const std::string text = file_text(entry.path());
            INFO(entry.path());
            const std::vector<YamlDocument> documents = read_yaml_stream(text);
            const std::vector<YAML::Node> expected = YAML::LoadAll(text);
            REQUIRE(documents.size() == expected.size());
            for (std::size_t i = 0; i < documents.size(); ++i)
                CHECK(same_as_yaml_cpp(expected[i], documents[i].root));
            ++files;
        }
    }
    CHECK(files >= 29);
}

TEST_CASE("values the emitter quotes or writes as blocks read back unchanged", "[review][yaml]") {
    const std::string values[] = {"5432",
                                  "yes",
                                  "",
                                  "~",
                                  "a: b",
                                  "- x",
                                  "#no",
                                  "tab\there",
                                  "two\nlines\n",
                                  "no newline\nat end",
                                  "trailing \n",
                                  std::string("\x01\x7f\0", 3),
                                  "caf\xc3\xa9",
                                  "\"quoted\"",
                                  "back\\slash",
                                  "  lead",
                                  "multi\nline\n"};
    emitter::YamlWriter out;
    out.map([&] {
        for (std::size_t i = 0; i < std::size(values); ++i)
            out.field("k" + std::to_string(i), std::string_view(values[i]));
        out.strings("flow", values);
    });
    const YamlNode root = read_one(out.text());
    for (std::size_t i = 0; i < std::size(values); ++i) {
        INFO(out.text());
        const YamlNode* node = root.find("k" + std::to_string(i));
        REQUIRE(node != nullptr);
        CHECK(node->text == values[i]);
        CHECK(root.find("flow")->items.at(i).text == values[i]);
    }
}

TEST_CASE("double-quoted scalars decode every YAML escape", "[review][yaml]") {
    CHECK(value_of(R"(v: "\0\a\b\t\n\v\f\r\e\ \"\/\\")") ==
          std::string("\0\a\b\t\n\v\f\r\x1b \"/\\", 13));
    CHECK(value_of(R"(v: "\x41\x7f\x80\x9f")") == "A\x7f\xc2\x80\xc2\x9f"); // code points, UTF-8
    CHECK(value_of(R"(v: "\N\_\L\P")") == "\xc2\x85\xc2\xa0\xe2\x80\xa8\xe2\x80\xa9");
    CHECK(value_of(R"(v: "\uFEFFbom\u00e9")") == "\xef\xbb\xbf"
                                                 "bom\xc3\xa9");
    CHECK(value_of(R"(v: "\U0001F600")") == "\xf0\x9f\x98\x80");
    CHECK(value_of("v: \"tab\\\tliteral\"") == "tab\tliteral");
    CHECK_THROWS_AS(read_one(R"(v: "\q")"), YamlReadError);
    CHECK_THROWS_AS(read_one(R"(v: "\x4")"), YamlReadError);
    CHECK_THROWS_AS(read_one(R"(v: "\uD800")"), YamlReadError);
}

TEST_CASE("quoted scalars over several lines fold", "[review][yaml]") {
    CHECK(value_of("v: \"a\n  b\n\n  c  \n  d\"\n") == "a b\nc d");
    CHECK(value_of("v: \"joined\\\n  here\"\n") == "joinedhere");
    CHECK(value_of("v: \"kept\\ \n  space\"\n") == "kept  space");
    CHECK(value_of("v: 'it''s\n  folded'\n") == "it's folded");
    CHECK(value_of("v: 'single \\n is literal'\n") == "single \\n is literal");
}

TEST_CASE("block scalars honour indentation indicators and chomping", "[review][yaml]") {
    CHECK(value_of("v: |\n  a\n  b\n") == "a\nb\n");
    CHECK(value_of("v: |-\n  a\n  b\n") == "a\nb");
    CHECK(value_of("v: |+\n  a\n\n\nw: 1\n") == "a\n\n\n");
    CHECK(value_of("v: |\n  a\n\n\nw: 1\n") == "a\n");
    // The indentation indicator counts from the key's column: the first line keeps spaces.
    CHECK(value_of("m:\n  v: |2\n      indented\n    next\n", "m.v") == "  indented\nnext\n");
    CHECK(value_of("m:\n  v: |2-\n     x\n", "m.v") == " x");
    CHECK(value_of("m:\n  v: |-2\n     x\n", "m.v") == " x");
    CHECK(value_of("v: |\n  a\n\n  b\n") == "a\n\nb\n");
    CHECK(value_of("v: >\n  folded\n  text\n\n  para\n") == "folded text\npara\n");
    CHECK(value_of("v: >-\n  a\n    more\n  b\n") == "a\n  more\nb");
    // In a sequence, from the dash's column.
    const YamlNode seq = read_one("s:\n  - |1\n     x\n  - y\n");
    REQUIRE(seq.at("s")->items.size() == 2);
    CHECK(seq.at("s")->items[0].text == "  x\n");
    CHECK(seq.at("s")->items[1].text == "y");
}

TEST_CASE("block and flow collections, plain and null scalars", "[review][yaml]") {
    const YamlNode root = read_one("# a comment\n"
                                   "a: 1\n"
                                   "b:\n"
                                   "  - x: 1\n"
                                   "    y: [p, \"q, r\", 's']\n"
                                   "  - - nested\n"
                                   "  -\n"
                                   "    z: 2 # trailing comment\n"
                                   "c: []\n"
                                   "d: {}\n"
                                   "e:\n"
                                   "f:\n"
                                   "- same-column item\n"
                                   "\"quoted key\": v\n"
                                   "url: http://x.io/a#b\n");
    CHECK(root.at("a")->text == "1");
    CHECK(root.at("a")->plain);
    const YamlNode& b = *root.at("b");
    REQUIRE(b.items.size() == 3);
    CHECK(b.items[0].at("y")->items.size() == 3);
    CHECK(b.items[0].at("y")->items[1].text == "q, r");
    CHECK(b.items[1].items[0].text == "nested");
    CHECK(b.items[2].at("z")->text == "2");
    CHECK(root.at("c")->kind == YamlNode::Kind::Sequence);
    CHECK(root.at("d")->kind == YamlNode::Kind::Map);
    CHECK((root.at("e")->plain && root.at("e")->text.empty()));
    CHECK(root.at("f")->items[0].text == "same-column item");
    CHECK(root.at("quoted key")->text == "v");
    CHECK(root.at("url")->text == "http://x.io/a#b");
}

TEST_CASE("documents, their lines, and what the reader refuses", "[review][yaml]") {
    const std::vector<YamlDocument> documents =
        read_yaml_stream("# header\na: 1\n---\nb: 2\nc: 3\n---\n# only a comment\n");
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].first_line == 0);
    CHECK(documents[0].line_count == 2);
    CHECK(documents[1].first_line == 3);
    CHECK(documents[1].line_count == 2);
    CHECK_THROWS_AS(read_yaml_stream("a: &anchor 1\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: *alias\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: !!str 1\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: {b: 1}\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: 1\n  b: 2\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: \"open\n"), YamlReadError);
    CHECK_THROWS_AS(read_yaml_stream("a: 1\na: 2\n"), YamlReadError);
    try {
        read_yaml_stream("a: 1\n---\nb: 1\n  c: 2\n");
        FAIL("no error");
    } catch (const YamlReadError& e) {
        CHECK(e.line() == 4);
    }
}

TEST_CASE("values compare as Kubernetes reads them", "[review][yaml]") {
    CHECK(!same_value(read_one("v: 5432\n"), read_one("v: \"5432\"\n")));
    CHECK(same_value(read_one("v: poll\n"), read_one("v: \"poll\"\n")));
    CHECK(same_value(read_one("a: 1\nb: 2\n"), read_one("b: 2\na: 1\n")));
    CHECK(!same_value(read_one("s: [a, b]\n"), read_one("s: [b, a]\n")));
    CHECK(!same_value(read_one("v:\n"), read_one("v: \"\"\n")));
    CHECK(to_flow(read_one("m:\n  a: [x, \"5\"]\n  b:\n")) == "{m: {a: [x, \"5\"], b: null}}");
}
