// A string literal that was validated by the compiler where it was written.
//
// The constructor is consteval: a literal that breaks its rule reads the inactive member
// of a union named after the rule (detail/broken_rule.hpp), which is no constant
// expression, so the compiler reports it at the user's own line, quoting the member - in
// the spirit of {fmt}'s format_string. GCC reads it in the rule's function; clang reads it
// here, through a member pointer (GCC does not check those), so that its error takes one
// note fewer. The text keeps pointing at the literal, which has static storage.
// Whatever the rule, the text must also be valid UTF-8 (text.hpp), checked second so that
// a text that breaks its own rule is reported by that rule.
#pragma once

#include <cstddef>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack::detail {

template <class T, std::size_t Capacity>
class FixedList;

// Marks a constructor that takes text a caller has already validated.
struct Unchecked {};
inline constexpr Unchecked unchecked{};

// Rule: a type with `static constexpr bool accepts(std::string_view)` and
// KUBESTACK_REJECTED_BY(<the rule in words>).
template <class Rule>
class CheckedText {
public:
    // The check is written out in each constructor, not in a helper, so that the error
    // is one step from the user's line.
    consteval CheckedText(const char* literal)
        : text_(literal) {
        if (!Rule::accepts(text_)) {
#if defined(__clang__)
            constexpr typename Rule::verdict verdict{};
            if (verdict.*Rule::broken) return;
#else
            Rule::reject();
#endif
        }
        if (!is_valid_utf8(text_)) {
            constexpr broken_rule::text_must_be_valid_utf8_verdict verdict{};
            if (verdict.text_must_be_valid_utf8) return;
        }
    }
    consteval explicit CheckedText(std::string_view literal)
        : text_(literal) {
        if (!Rule::accepts(text_)) {
#if defined(__clang__)
            constexpr typename Rule::verdict verdict{};
            if (verdict.*Rule::broken) return;
#else
            Rule::reject();
#endif
        }
        if (!is_valid_utf8(text_)) {
            constexpr broken_rule::text_must_be_valid_utf8_verdict verdict{};
            if (verdict.text_must_be_valid_utf8) return;
        }
    }

    constexpr std::string_view view() const {
        return text_;
    }
    constexpr operator std::string_view() const {
        return text_;
    }
    friend constexpr bool operator==(const CheckedText&, const CheckedText&) = default;

private:
    // Only for the empty slots of a FixedList, which are never read.
    template <class T, std::size_t Capacity>
    friend class FixedList;
    constexpr CheckedText() = default;

    std::string_view text_;
};

} // namespace kubestack::detail
