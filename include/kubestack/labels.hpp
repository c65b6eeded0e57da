// Labels and annotations: keys with an optional DNS prefix, and bounded values.
#pragma once

#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <kubestack/detail/fixed_list.hpp>
#include <kubestack/limits.hpp>
#include <kubestack/names.hpp>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    label_key_must_be_an_optional_dns_prefix_and_slash_then_a_name_of_at_most_63_alphanumerics_dashes_underscores_or_dots)
KUBESTACK_BROKEN_RULE(
    label_value_must_be_empty_or_at_most_63_alphanumerics_dashes_underscores_or_dots_starting_and_ending_alphanumeric)
KUBESTACK_BROKEN_RULE(
    annotation_key_must_be_an_optional_dns_prefix_of_any_case_and_slash_then_a_name_of_at_most_63_alphanumerics_dashes_underscores_or_dots)
} // namespace broken_rule

// The name part of a label key, and a non-empty label value.
constexpr bool is_qualified_name_part(std::string_view text) {
    return !text.empty() && text.size() <= 63 && detail::is_alnum(text.front()) &&
           detail::is_alnum(text.back()) && detail::all_of(text, [](char c) {
               return detail::is_alnum(c) || c == '-' || c == '_' || c == '.';
           });
}

// "app", "app.kubernetes.io/name", "kubernetes.io/ingress.class".
constexpr bool is_label_key(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return is_qualified_name_part(text);
    return is_dns_subdomain(text.substr(0, slash)) &&
           is_qualified_name_part(text.substr(slash + 1));
}

// An annotation key is a label key whose prefix may have capitals: ValidateAnnotations
// lowercases the key before it checks it.
constexpr bool is_annotation_key(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return is_qualified_name_part(text);
    if (slash > 253) return false;
    char lowered[253] = {};
    for (std::size_t i = 0; i < slash; ++i)
        lowered[i] =
            text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    return is_dns_subdomain(std::string_view(lowered, slash)) &&
           is_qualified_name_part(text.substr(slash + 1));
}

constexpr bool is_label_value(std::string_view text) {
    return text.empty() || is_qualified_name_part(text);
}

namespace rules {
struct LabelKey {
    static constexpr auto accepts = is_label_key;
    KUBESTACK_REJECTED_BY(
        label_key_must_be_an_optional_dns_prefix_and_slash_then_a_name_of_at_most_63_alphanumerics_dashes_underscores_or_dots)
};
struct LabelValue {
    static constexpr auto accepts = is_label_value;
    KUBESTACK_REJECTED_BY(
        label_value_must_be_empty_or_at_most_63_alphanumerics_dashes_underscores_or_dots_starting_and_ending_alphanumeric)
};
struct AnnotationKey {
    static constexpr auto accepts = is_annotation_key;
    KUBESTACK_REJECTED_BY(
        annotation_key_must_be_an_optional_dns_prefix_of_any_case_and_slash_then_a_name_of_at_most_63_alphanumerics_dashes_underscores_or_dots)
};
} // namespace rules

using LabelKey = detail::CheckedText<rules::LabelKey>;
using LabelValue = detail::CheckedText<rules::LabelValue>;
// Annotation keys are label keys whose prefix may have capitals (Kubernetes lowercases the
// key before checking it); their values are free text.
using AnnotationKey = detail::CheckedText<rules::AnnotationKey>;

struct Label {
    std::string_view key;
    std::string_view value; // with `environment`: the default, if not `required`
    // Set for ConfigMap and Secret data read from the environment (environment.hpp).
    std::string_view environment;
    bool required = false;
    friend constexpr bool operator==(const Label&, const Label&) = default;
};

// An ordered key/value list. Setting a key again replaces its value, so the order of
// first appearance, and hence the output, stays stable.
template <std::size_t Capacity = limits::labels>
class KeyValues {
public:
    constexpr void set(std::string_view key, std::string_view value) {
        set(Label{key, value, {}, false});
    }
    constexpr void set(const Label& entry) {
        if (const std::size_t i = index_of(entry.key); i != npos)
            entries_[i] = entry;
        else
            entries_.push_back(entry);
    }
    // Index lookups rather than pointers: GCC's UBSan instrumentation makes a pointer
    // compared with nullptr unusable in constant expressions.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    constexpr std::size_t index_of(std::string_view key) const {
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].key == key) return i;
        return npos;
    }
    constexpr bool contains(std::string_view key) const { return index_of(key) != npos; }
    // Takes the key out, keeping the order of the others.
    constexpr void remove(std::string_view key) {
        KeyValues kept;
        for (const Label& entry : entries_)
            if (entry.key != key) kept.entries_.push_back(entry);
        *this = kept;
    }
    constexpr void clear() { *this = KeyValues(); }
    // The value of `key`, or an empty text when it is absent.
    constexpr std::string_view value(std::string_view key) const {
        const std::size_t i = index_of(key);
        return i == npos ? std::string_view{} : entries_[i].value;
    }
    // True when every entry of `subset` is here with the same value (a selector match).
    template <std::size_t OtherCapacity>
    constexpr bool includes(const KeyValues<OtherCapacity>& subset) const {
        for (const Label& wanted : subset)
            if (!contains(wanted.key) || value(wanted.key) != wanted.value) return false;
        return true;
    }
    constexpr bool empty() const { return entries_.empty(); }
    constexpr std::size_t size() const { return entries_.size(); }
    constexpr auto begin() const { return entries_.begin(); }
    constexpr auto end() const { return entries_.end(); }
    friend constexpr bool operator==(const KeyValues&, const KeyValues&) = default;

private:
    detail::FixedList<Label, Capacity> entries_;
};

using Labels = KeyValues<>;

// A term of a set-based selector (matchExpressions): key In (values), key NotIn (values),
// key Exists, key DoesNotExist.
enum class SelectorOperator { In, NotIn, Exists, DoesNotExist };
inline constexpr std::string_view selector_operator_names[] = {"In", "NotIn", "Exists",
                                                               "DoesNotExist"};

constexpr std::string_view to_string(SelectorOperator op) {
    return selector_operator_names[static_cast<int>(op)];
}

// The operator a selector of the model names, if it names one of the four.
constexpr bool read_selector_operator(std::string_view text, SelectorOperator& op) {
    for (int i = 0; i < 4; ++i)
        if (selector_operator_names[i] == text) {
            op = static_cast<SelectorOperator>(i);
            return true;
        }
    return false;
}

// Whether labels satisfy one term, given whether they carry its key and whether the value
// they carry is one it lists: the one reading of the four operators, for the builders'
// selectors and the model's.
constexpr bool satisfies(SelectorOperator op, bool present, bool listed) {
    switch (op) {
    case SelectorOperator::In:
        return listed;
    case SelectorOperator::NotIn:
        return !listed;
    case SelectorOperator::Exists:
        return present;
    default:
        return !present;
    }
}

struct LabelRequirement {
    std::string_view key;
    SelectorOperator op = SelectorOperator::In;
    detail::FixedList<std::string_view, limits::requirement_values> values;

    // Whether labels carrying these entries satisfy the term.
    template <std::size_t Capacity>
    constexpr bool matches(const KeyValues<Capacity>& labels) const {
        const bool has = labels.contains(key);
        bool listed = false;
        for (std::string_view v : values)
            listed = listed || (has && labels.value(key) == v);
        return satisfies(op, has, listed);
    }
};

namespace broken_rule {
KUBESTACK_BROKEN_RULE(label_in_and_not_in_need_at_least_one_value)
} // namespace broken_rule

constexpr LabelRequirement labelIn(LabelKey key, std::initializer_list<LabelValue> values) {
    LabelRequirement term{key, SelectorOperator::In, {}};
    for (const LabelValue& v : values)
        term.values.push_back(v);
    // An empty list is a rule on the pod that takes the term (label_in_and_not_in_...).
    return term;
}
constexpr LabelRequirement labelNotIn(LabelKey key, std::initializer_list<LabelValue> values) {
    LabelRequirement term = labelIn(key, values);
    term.op = SelectorOperator::NotIn;
    return term;
}
constexpr LabelRequirement labelExists(LabelKey key) {
    return {key, SelectorOperator::Exists, {}};
}
constexpr LabelRequirement labelDoesNotExist(LabelKey key) {
    return {key, SelectorOperator::DoesNotExist, {}};
}

} // namespace kubestack
