// The value types that the generated API model (include/kubestack/api/) is written in.
//
// Every struct there is built from these: text, numbers, lists, maps, and fields that may
// be absent. They are all usable in constant expressions, so that the compiler can build
// and check a model object, and light to evaluate there (bench/representations/ measured
// a presence flag beside the value at about half the cost of std::optional).
#pragma once

#include <cstdint>
#include <kubestack/detail/list.hpp>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kubestack::api {

using String = std::string_view;

// Base64 text, as a field of format "byte" holds it on the wire.
using Bytes = std::string_view;

// An RFC 3339 timestamp: "2024-01-01T00:00:00Z".
using Time = std::string_view;

// A Kubernetes quantity: "128Mi", "500m", "1e3".
struct Quantity {
    String text;
    constexpr Quantity() = default;
    constexpr Quantity(String quantity)
        : text(quantity) {}
    constexpr Quantity(const char* quantity)
        : text(quantity) {}
    friend constexpr bool operator==(const Quantity&, const Quantity&) = default;
};

// A port or a percentage given as a number or as a name: targetPort: http, maxSurge: 25%.
struct IntOrString {
    std::int64_t number = 0;
    String text;
    bool is_text = false;

    constexpr IntOrString() = default;
    constexpr IntOrString(int value)
        : number(value) {}
    constexpr IntOrString(String value)
        : text(value)
        , is_text(true) {}
    constexpr IntOrString(const char* value)
        : IntOrString(String(value)) {}
    friend constexpr bool operator==(const IntOrString&, const IntOrString&) = default;
};

// A value the schema leaves open (RawExtension, JSON, an object without properties),
// kept as the JSON text the user wrote: R"({"selfSigned": {}})".
struct Json {
    String text;
    constexpr Json() = default;
    constexpr Json(String json)
        : text(json) {}
    constexpr Json(const char* json)
        : text(json) {}
    friend constexpr bool operator==(const Json&, const Json&) = default;
};

// A field that may be absent: a value and whether it was set.
template <class T>
struct Optional {
    T value{};
    bool set = false;

    constexpr Optional() = default;
    template <class U>
    requires std::is_constructible_v<T, U&&>
    constexpr Optional(U&& given)
        : value(std::forward<U>(given))
        , set(true) {}
    template <class U>
    requires std::is_constructible_v<T, U&&>
    constexpr Optional& operator=(U&& given) {
        value = T(std::forward<U>(given));
        set = true;
        return *this;
    }

    constexpr explicit operator bool() const { return set; }
    constexpr bool has_value() const { return set; }
    constexpr T* operator->() { return &value; }
    constexpr const T* operator->() const { return &value; }
    constexpr T& operator*() { return value; }
    constexpr const T& operator*() const { return value; }
    // Sets the field to a default value if it is absent, and returns it for editing.
    constexpr T& emplace() {
        if (!set) value = T{};
        set = true;
        return value;
    }
};

template <class T>
using List = detail::List<T>;

template <class T>
struct Entry {
    String key;
    T value;
};

// A map from strings to values, in the order the entries were given.
template <class T>
using Map = List<Entry<T>>;

// A value held on the heap: how a definition contains itself (JSONSchemaProps.not).
template <class T>
class Box {
public:
    constexpr Box() = default;
    constexpr Box(const T& value)
        : value_(new T(value)) {}
    constexpr Box(const Box& other)
        : value_(other.value_ ? new T(*other.value_) : nullptr) {}
    constexpr Box(Box&& other) noexcept
        : value_(std::exchange(other.value_, nullptr)) {}
    constexpr Box& operator=(Box other) noexcept {
        std::swap(value_, other.value_);
        return *this;
    }
    constexpr ~Box() { delete value_; }

    constexpr explicit operator bool() const { return value_ != nullptr; }
    constexpr const T& operator*() const { return *value_; }
    constexpr const T* operator->() const { return value_; }

private:
    T* value_ = nullptr;
};

// A string the schema restricts to a list of values (`enum:` in a CRD's schema):
// scheme: http or https. Values is a generated type whose `accepts(value)` is true for the
// listed values only, and whose `listed` names them. A value outside the list is kept and
// marked: the model's validation (model_rules.hpp) reports it with the object's name and the
// field's path when the stack is checked, and the emitter refuses to write it. A
// default-constructed value is empty, like an unset String.
template <class Values>
class OneOf {
public:
    constexpr OneOf() = default;
    constexpr OneOf(String value)
        : text_(value)
        , accepted_(Values::accepts(value)) {}
    constexpr OneOf(const char* value)
        : OneOf(String(value)) {}

    constexpr String view() const { return text_; }
    constexpr operator String() const { return text_; }
    constexpr bool accepted() const { return accepted_; }
    static constexpr std::string_view listed() { return Values::listed; }
    friend constexpr bool operator==(const OneOf&, const OneOf&) = default;

private:
    String text_;
    bool accepted_ = true;
};

// What the generated visit_fields() tells about each field: its name on the wire,
// whether the schema requires it, for a list of objects, the keys that identify an
// item (x-kubernetes-list-map-keys), comma-separated, and whether the house style
// (tools/house_style.py) writes it as a flow sequence on one line: args: [--api, --debug].
struct FieldInfo {
    std::string_view name;
    bool required = false;
    std::string_view list_map_keys;
    bool flow_style = false;

    constexpr FieldInfo(std::string_view wire_name, bool is_required = false,
                        std::string_view keys = {})
        : name(wire_name)
        , required(is_required)
        , list_map_keys(keys) {}

    constexpr FieldInfo in_flow_style() const {
        FieldInfo flow = *this;
        flow.flow_style = true;
        return flow;
    }
};

} // namespace kubestack::api
