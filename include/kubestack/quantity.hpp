// Resource quantities: memory and storage in bytes ("128M", "512Mi"), cpu in cores ("500m").
//
// Memory written with a lowercase "m" is a classic mistake: Kubernetes reads "128m" as
// 0.128 bytes. The memory rule rejects it.
#pragma once

#include <kubestack/detail/broken_rule.hpp>
#include <kubestack/detail/characters.hpp>
#include <kubestack/detail/checked_text.hpp>
#include <optional>
#include <string_view>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(
    memory_quantity_must_be_a_number_with_an_optional_suffix_k_M_G_T_P_E_or_Ki_Mi_Gi_Ti_Pi_Ei)
KUBESTACK_BROKEN_RULE(cpu_quantity_must_be_cores_like_2_or_0_5_or_millicores_like_500m)
} // namespace broken_rule

namespace detail {

// Length of the leading unsigned decimal number ("12", "0.5", ".5"); 0 when there is none.
constexpr std::size_t decimal_prefix(std::string_view text) {
    std::size_t i = 0, digits = 0;
    while (i < text.size() && is_digit(text[i]))
        ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i]))
            ++i, ++digits;
    }
    return digits == 0 ? 0 : i;
}

constexpr double decimal_value(std::string_view number) {
    double value = 0, scale = 0;
    for (char c : number) {
        if (c == '.') {
            scale = 1;
            continue;
        }
        value = value * 10 + (c - '0');
        scale *= 10;
    }
    return scale == 0 ? value : value / scale;
}

struct ByteSuffix {
    std::string_view text;
    double factor;
};

inline constexpr ByteSuffix byte_suffixes[] = {
    {"", 1},
    {"k", 1e3},
    {"M", 1e6},
    {"G", 1e9},
    {"T", 1e12},
    {"P", 1e15},
    {"E", 1e18},
    {"Ki", 1024.0},
    {"Mi", 1048576.0},
    {"Gi", 1073741824.0},
    {"Ti", 1099511627776.0},
    {"Pi", 1125899906842624.0},
    {"Ei", 1152921504606846976.0},
};

// The suffix's factor, or 0 for an unknown suffix.
constexpr double byte_suffix_factor(std::string_view suffix) {
    for (const ByteSuffix& candidate : byte_suffixes)
        if (candidate.text == suffix) return candidate.factor;
    return 0;
}

} // namespace detail

constexpr bool is_byte_quantity(std::string_view text) {
    const std::size_t number = detail::decimal_prefix(text);
    return number != 0 && detail::byte_suffix_factor(text.substr(number)) != 0;
}

// The quantity in bytes, for comparing sizes written with different suffixes.
constexpr double byte_count(std::string_view quantity) {
    const std::size_t number = detail::decimal_prefix(quantity);
    return detail::decimal_value(quantity.substr(0, number)) *
           detail::byte_suffix_factor(quantity.substr(number));
}

constexpr bool is_cpu_quantity(std::string_view text) {
    const std::size_t number = detail::decimal_prefix(text);
    if (number == 0) return false;
    const std::string_view suffix = text.substr(number);
    return suffix.empty() ||
           (suffix == "m" && text.substr(0, number).find('.') == std::string_view::npos);
}

// A quantity as the API server parses it (resource.ParseQuantity), kept exact:
// digits × 10^decimal_exponent × 2^binary_exponent. Its text is an optionally signed decimal
// number ("12", "0.5", ".5", "5."), then a binary suffix (Ki to Ei), a decimal one (n, u, m,
// none, k, M to E) or an exponent (e3, E-2).
struct ExactQuantity {
    unsigned long long digits = 0;
    int decimal_exponent = 0;
    int binary_exponent = 0;
    bool negative = false;
};

namespace detail {
struct QuantitySuffix {
    std::string_view text;
    int decimal_exponent;
    int binary_exponent;
};
inline constexpr QuantitySuffix quantity_suffixes[] = {
    {"n", -9, 0},  {"u", -6, 0},  {"m", -3, 0},  {"", 0, 0},    {"k", 3, 0},   {"M", 6, 0},
    {"G", 9, 0},   {"T", 12, 0},  {"P", 15, 0},  {"E", 18, 0},  {"Ki", 0, 10}, {"Mi", 0, 20},
    {"Gi", 0, 30}, {"Ti", 0, 40}, {"Pi", 0, 50}, {"Ei", 0, 60},
};
} // namespace detail

// The quantity, or empty when the text is none.
constexpr std::optional<ExactQuantity> parse_quantity(std::string_view text) {
    ExactQuantity value;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        value.negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const std::size_t number = detail::decimal_prefix(text);
    if (number == 0) return std::nullopt;
    bool fraction = false;
    for (char c : text.substr(0, number)) {
        if (c == '.') {
            fraction = true;
        } else if (value.digits < 1'000'000'000'000'000'000ULL) {
            value.digits = value.digits * 10 + static_cast<unsigned>(c - '0');
            if (fraction) --value.decimal_exponent;
        } else if (!fraction) {
            ++value.decimal_exponent; // past 19 digits: the rest only scales
        }
    }
    const std::string_view suffix = text.substr(number);
    for (const detail::QuantitySuffix& known : detail::quantity_suffixes)
        if (known.text == suffix) {
            value.decimal_exponent += known.decimal_exponent;
            value.binary_exponent = known.binary_exponent;
            return value;
        }
    if (suffix.size() < 2 || (suffix.front() != 'e' && suffix.front() != 'E')) return std::nullopt;
    std::string_view exponent = suffix.substr(1);
    const bool below_one = exponent.front() == '-';
    if (exponent.front() == '-' || exponent.front() == '+') exponent.remove_prefix(1);
    if (exponent.empty() || !detail::all_of(exponent, detail::is_digit)) return std::nullopt;
    int power = 0;
    for (char c : exponent)
        power = power > 10'000 ? power : power * 10 + (c - '0');
    value.decimal_exponent += below_one ? -power : power;
    return value;
}

constexpr bool is_quantity(std::string_view text) {
    return parse_quantity(text).has_value();
}

namespace detail {
// digits × 10^tens × 2^twos as a 128-bit integer, or false when it does not fit.
__extension__ typedef unsigned __int128 Wide;
constexpr bool scaled(unsigned long long digits, int tens, int twos, Wide& out) {
    constexpr Wide limit = ~Wide{0} / 10;
    out = digits;
    for (int i = 0; i < tens; ++i) {
        if (out > limit) return false;
        out *= 10;
    }
    for (int i = 0; i < twos; ++i) {
        if (out > limit) return false;
        out *= 2;
    }
    return true;
}
// The magnitude's order, for quantities too far apart to scale exactly.
constexpr long double magnitude(const ExactQuantity& q) {
    long double value = static_cast<long double>(q.digits);
    for (int i = 0; i < q.decimal_exponent; ++i)
        value *= 10;
    for (int i = 0; i > q.decimal_exponent; --i)
        value /= 10;
    for (int i = 0; i < q.binary_exponent; ++i)
        value *= 2;
    return value;
}
} // namespace detail

// Negative, zero or positive as a is less than, equal to or more than b, exactly, as
// Quantity.Cmp compares them: "700m" equals "0.7", "512Mi" equals "536870912".
constexpr int compare(const ExactQuantity& a, const ExactQuantity& b) {
    const bool a_negative = a.negative && a.digits != 0;
    const bool b_negative = b.negative && b.digits != 0;
    if (a_negative != b_negative) return a_negative ? -1 : 1;
    const int sign = a_negative ? -1 : 1;
    const int tens =
        a.decimal_exponent < b.decimal_exponent ? a.decimal_exponent : b.decimal_exponent;
    const int twos = a.binary_exponent < b.binary_exponent ? a.binary_exponent : b.binary_exponent;
    detail::Wide left = 0, right = 0;
    if (detail::scaled(a.digits, a.decimal_exponent - tens, a.binary_exponent - twos, left) &&
        detail::scaled(b.digits, b.decimal_exponent - tens, b.binary_exponent - twos, right))
        return sign * (left < right ? -1 : left > right ? 1 : 0);
    const long double l = detail::magnitude(a), r = detail::magnitude(b);
    return sign * (l < r ? -1 : l > r ? 1 : 0);
}

// A request above its limit: the API server rejects the container ("must be less than or
// equal to ... limit"). Quantities it cannot read are left to their own rule.
constexpr bool exceeds(std::string_view request, std::string_view limit) {
    const std::optional<ExactQuantity> asked = parse_quantity(request);
    const std::optional<ExactQuantity> allowed = parse_quantity(limit);
    return asked && allowed && compare(*asked, *allowed) > 0;
}

namespace rules {
struct ByteQuantity {
    static constexpr auto accepts = is_byte_quantity;
    KUBESTACK_REJECTED_BY(
        memory_quantity_must_be_a_number_with_an_optional_suffix_k_M_G_T_P_E_or_Ki_Mi_Gi_Ti_Pi_Ei)
};
struct CpuQuantity {
    static constexpr auto accepts = is_cpu_quantity;
    KUBESTACK_REJECTED_BY(cpu_quantity_must_be_cores_like_2_or_0_5_or_millicores_like_500m)
};
} // namespace rules

// Memory limits and requests, and storage sizes.
using Bytes = detail::CheckedText<rules::ByteQuantity>;
using Cpu = detail::CheckedText<rules::CpuQuantity>;

} // namespace kubestack
