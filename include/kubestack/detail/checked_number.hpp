// An integer literal validated by the compiler where it was written; see checked_text.hpp.
#pragma once

namespace kubestack::detail {

template <class Rule>
class CheckedNumber {
public:
    consteval CheckedNumber(int literal)
        : value_(literal) {
        if (!Rule::accepts(value_)) {
#if defined(__clang__)
            constexpr typename Rule::verdict verdict{};
            if (verdict.*Rule::broken) return;
#else
            Rule::reject();
#endif
        }
    }

    constexpr int value() const {
        return value_;
    }
    constexpr operator int() const {
        return value_;
    }

private:
    int value_;
};

} // namespace kubestack::detail
