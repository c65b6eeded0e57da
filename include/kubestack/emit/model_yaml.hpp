// One emitter for every object of the generated API model (include/kubestack/api/), and
// for any struct with the same generated visit_fields(): it walks the fields that
// visit_fields() hands it, in that order, and writes them with the YAML writer.
//
// A kind opens with apiVersion, kind and metadata; every other field follows in
// visit_fields() order, which is the house order of tools/house_style.py. An unset Optional
// is left out, a plain (required) member is always written, and a set but empty list, map
// or object is written `[]` or `{}`. A list of strings that the house style marks
// (FieldInfo::flow_style) is written on one line: args: [--api, --kubernetes].
#pragma once

#include <concepts>
#include <cstdint>
#include <kubestack/api_traits.hpp>
#include <kubestack/api_types.hpp>
#include <kubestack/document.hpp>
#include <kubestack/emit/json_yaml.hpp>
#include <kubestack/emit/yaml_writer.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

namespace kubestack::emitter {

namespace model_detail {

using api::is_box;
using api::is_entry;
using api::is_list;
using api::is_one_of;
using api::is_optional;
using api::read_metadata;

template <class T>
inline constexpr bool unsupported_field_type = false;

// Text the YAML writer can write: well-formed UTF-8 (throws, naming the field, if not).
void check_text(std::string_view text, const std::string& path);
// The shortest text that reads back as the same double, as a YAML 1.1 and 1.2 number;
// throws, naming the field, for infinities and NaN, which JSON cannot carry.
std::string yaml_number(double value, const std::string& path);
// "Deployment" -> "deployment", for file names.
std::string lowercase(std::string_view text);

} // namespace model_detail

using api::ModelKind;
using api::ModelStruct;

namespace model_detail {

class ModelWalker {
public:
    explicit ModelWalker(YamlWriter& out)
        : out_(out) {}

    template <class T>
    void value(const T& given) {
        if constexpr (is_optional<T>) {
            if (given.set)
                value(given.value);
            else
                out_.verbatim("null");
        } else if constexpr (is_box<T>) {
            // A set field whose box is empty holds the boxed type's default value.
            if (given)
                value(*given);
            else
                value(std::remove_cvref_t<decltype(*given)>{});
        } else if constexpr (std::is_same_v<T, bool>) {
            out_.scalar(given);
        } else if constexpr (std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t>) {
            out_.verbatim(std::to_string(given));
        } else if constexpr (std::is_same_v<T, double>) {
            out_.verbatim(yaml_number(given, path_));
        } else if constexpr (std::is_same_v<T, std::string_view>) {
            text(given);
        } else if constexpr (std::is_same_v<T, api::Quantity>) {
            text(given.text);
        } else if constexpr (is_one_of<T>) {
            if (!given.accepted())
                throw std::invalid_argument(path_ + ": \"" + std::string(given.view()) +
                                            "\" is not one of " + std::string(given.listed()));
            text(given.view());
        } else if constexpr (std::is_same_v<T, api::IntOrString>) {
            if (given.is_text)
                text(given.text);
            else
                out_.verbatim(std::to_string(given.number));
        } else if constexpr (std::is_same_v<T, api::Json>) {
            write_json(out_, given.text, path_);
        } else if constexpr (is_list<T>) {
            list(given);
        } else if constexpr (ModelStruct<T>) {
            object(given);
        } else {
            static_assert(unsupported_field_type<T>,
                          "the model emitter has no rule for this field type: add one to "
                          "ModelWalker::value");
        }
    }

private:
    // Marks where a field's name starts in the path, and takes it off when done.
    class PathStep {
    public:
        PathStep(std::string& path, std::string_view name, bool indexed)
            : path_(path)
            , mark_(path.size()) {
            if (indexed) {
                path_ += '[';
                path_ += name;
                path_ += ']';
            } else {
                if (!path_.empty()) path_ += '.';
                path_ += name;
            }
        }
        PathStep(const PathStep&) = delete;
        PathStep& operator=(const PathStep&) = delete;
        ~PathStep() { path_.resize(mark_); }

    private:
        std::string& path_;
        std::size_t mark_;
    };

    void text(std::string_view value) {
        check_text(value, path_);
        out_.scalar(value);
    }

    template <class Member>
    static bool is_written(const Member& member) {
        if constexpr (is_optional<Member>)
            return member.set;
        else
            return true;
    }

    template <class Member>
    void field(const api::FieldInfo& info, const Member& member) {
        if (!is_written(member)) return;
        const PathStep step(path_, info.name, false);
        out_.key(info.name);
        if (info.flow_style)
            flow(member);
        else
            value(member);
    }

    // A list of strings in flow style; any other value as usual (only lists of strings
    // have a flow form: house_style.py checks that it marks nothing else).
    template <class Member>
    void flow(const Member& member) {
        if constexpr (is_optional<Member>) {
            flow(member.value);
        } else if constexpr (std::is_same_v<Member, api::List<api::String>>) {
            for (std::size_t i = 0; i < member.size(); ++i) {
                const std::string index = std::to_string(i);
                const PathStep step(path_, index, true);
                check_text(member[i], path_);
            }
            out_.strings(member);
        } else {
            value(member);
        }
    }

    template <class Item>
    void list(const api::List<Item>& items) {
        if constexpr (is_entry<Item>) {
            if (items.empty()) {
                out_.verbatim("{}");
                return;
            }
            std::unordered_set<std::string_view> keys;
            for (const Item& entry : items)
                if (!keys.insert(entry.key).second) {
                    const PathStep step(path_, entry.key, true);
                    throw std::invalid_argument(path_ + ": the key is given twice");
                }
            out_.map([&] {
                for (const Item& entry : items) {
                    const PathStep step(path_, entry.key, true);
                    check_text(entry.key, path_);
                    out_.key(entry.key);
                    value(entry.value);
                }
            });
        } else {
            if (items.empty()) {
                out_.verbatim("[]");
                return;
            }
            out_.sequence([&] {
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const std::string index = std::to_string(i);
                    const PathStep step(path_, index, true);
                    value(items[i]);
                }
            });
        }
    }

    template <class Struct>
    void object(const Struct& object) {
        bool has_fields = ModelKind<Struct>;
        Struct::visit_fields(object, [&](const api::FieldInfo&, const auto& member) {
            has_fields = has_fields || is_written(member);
        });
        if (!has_fields) {
            out_.verbatim("{}");
            return;
        }
        out_.map([&] {
            if constexpr (ModelKind<Struct>) {
                out_.field("apiVersion", std::string_view(Struct::api_version));
                out_.field("kind", std::string_view(Struct::kind));
                kind_fields(object);
            } else {
                Struct::visit_fields(object, [&](const api::FieldInfo& info, const auto& member) {
                    field(info, member);
                });
            }
        });
    }

public:
    // The fields of a kind after apiVersion and kind: metadata, then the rest.
    template <ModelKind Kind>
    void kind_fields(const Kind& object) {
        Kind::visit_fields(object, [&](const api::FieldInfo& info, const auto& member) {
            if (info.name == "metadata") field(info, member);
        });
        Kind::visit_fields(object, [&](const api::FieldInfo& info, const auto& member) {
            if (info.name != "metadata") field(info, member);
        });
    }

private:
    YamlWriter& out_;
    std::string path_;
};

// metadata.name and metadata.namespace of a kind, or empty when it has none.
template <class Kind>
std::string_view metadata_text(const Kind& object, bool want_namespace) {
    std::string_view found;
    read_metadata(object, [&](const auto& meta) {
        if constexpr (requires {
                          meta.name;
                          meta.namespace_;
                      }) {
            const auto& text = want_namespace ? meta.namespace_ : meta.name;
            if (text.set) found = *text;
        }
    });
    return found;
}

// Throws the walker's error again, prefixed with the kind and name of the object:
// `Deployment "poll": spec...`.
template <class Kind>
[[noreturn]] void throw_naming(const Kind& object, const std::invalid_argument& error) {
    throw std::invalid_argument(std::string(Kind::kind) + " \"" +
                                std::string(metadata_text(object, false)) + "\": " + error.what());
}

} // namespace model_detail

// Writes any model object (or list, map, or value of the model) as the writer's next node:
// a kind as a whole YAML document. Throws std::invalid_argument naming the field (such as
// `Deployment "poll": spec.template.metadata.annotations[x]: ...`) for an open value that
// is not JSON, text that is not UTF-8, a map key given twice, or a double that is not
// finite. The writer is then left half-written: discard it (render_model does).
template <class Object>
void write_model_object(YamlWriter& out, const Object& object) {
    try {
        model_detail::ModelWalker(out).value(object);
    } catch (const std::invalid_argument& error) {
        if constexpr (ModelKind<Object>) {
            model_detail::throw_naming(object, error);
        } else {
            throw;
        }
    }
}

// Writes the fields of a kind that follow apiVersion and kind (metadata first) into the
// map the writer has open: for a caller that has written apiVersion and kind itself, as
// render.cpp does. Throws as write_model_object does.
template <ModelKind Kind>
void write_model_fields(YamlWriter& out, const Kind& object) {
    try {
        model_detail::ModelWalker(out).kind_fields(object);
    } catch (const std::invalid_argument& error) {
        model_detail::throw_naming(object, error);
    }
}

// A kind of the model as a Document, as render.cpp makes one of each DSL object: its
// apiVersion, kind, name and namespace, the file `<name>.<kind, lowercase>.yaml` it goes
// in (in a stack, render.cpp gives a kind that a builder has that builder's file suffix:
// web.disruptionbudget.yaml), and its YAML. Throws std::invalid_argument when it has no
// metadata.name (which the file is named after) or cannot be written (see write_model_object).
template <ModelKind Kind>
Document render_model(const Kind& object) {
    const std::string_view name = model_detail::metadata_text(object, false);
    if (name.empty())
        throw std::invalid_argument(std::string(Kind::kind) +
                                    ": metadata.name is required to name its file");
    YamlWriter out;
    write_model_object(out, object);
    return {std::string(Kind::api_version),
            std::string(Kind::kind),
            std::string(name),
            std::string(model_detail::metadata_text(object, true)),
            std::string(name) + "." + model_detail::lowercase(Kind::kind) + ".yaml",
            out.text()};
}

} // namespace kubestack::emitter
