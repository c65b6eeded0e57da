// What generic code needs to know about the model's types (api_types.hpp): which wrapper a
// field is, which structs are the model's, and where a kind keeps its metadata. The emitter
// (emit/model_yaml.hpp) and the model's validation (model_rules.hpp) both walk the model
// through these.
#pragma once

#include <concepts>
#include <kubestack/api_types.hpp>
#include <string_view>

namespace kubestack::api {

struct IgnoreField {
    template <class Value>
    constexpr void operator()(const FieldInfo&, const Value&) const {}
};

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<Optional<T>> = true;

template <class T>
inline constexpr bool is_list = false;
template <class T>
inline constexpr bool is_list<List<T>> = true;

template <class T>
inline constexpr bool is_entry = false;
template <class T>
inline constexpr bool is_entry<Entry<T>> = true;

template <class T>
inline constexpr bool is_box = false;
template <class T>
inline constexpr bool is_box<Box<T>> = true;

// A CRD's enum (OneOf<Values>).
template <class T>
inline constexpr bool is_one_of = false;
template <class Values>
inline constexpr bool is_one_of<OneOf<Values>> = true;

// A struct of the model: one with the generated visit_fields().
template <class T>
concept ModelStruct = requires(const T& object) {
    T::visit_fields(object, IgnoreField{});
};

// A kind of the model: a struct that knows its apiVersion and kind.
template <class T>
concept ModelKind = ModelStruct<T> && requires {
    { T::api_version } -> std::convertible_to<std::string_view>;
    { T::kind } -> std::convertible_to<std::string_view>;
};

// Calls read(metadata) when the kind has its metadata set. Most kinds have an
// Optional<ObjectMeta>; a CRD that requires metadata (Traefik's) has it plain.
template <class Kind, class Read>
constexpr void read_metadata(const Kind& object, Read read) {
    if constexpr (requires { object.metadata.set; }) {
        if (object.metadata.set) read(*object.metadata);
    } else if constexpr (requires { object.metadata; }) {
        read(object.metadata);
    }
}

} // namespace kubestack::api
