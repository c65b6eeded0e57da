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

// The value of a quantity as the API server parses it (resource.ParseQuantity): a signed
// decimal number, then a binary suffix (Ki to Ei), a decimal one (n, u, m, none, k, M to E)
// or an exponent (e3, E-2). Empty when the text is no quantity. A double is exact enough to
// compare a request with its limit.
constexpr std::optional<double> quantity_value(std::string_view text) {
    double sign = 1;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        if (text.front() == '-') sign = -1;
        text.remove_prefix(1);
    }
    const std::size_t number = detail::decimal_prefix(text);
    if (number == 0) return std::nullopt;
    const double value = sign * detail::decimal_value(text.substr(0, number));
    const std::string_view suffix = text.substr(number);
    if (suffix == "n") return value * 1e-9;
    if (suffix == "u") return value * 1e-6;
    if (suffix == "m") return value * 1e-3;
    if (const double factor = detail::byte_suffix_factor(suffix); factor != 0)
        return value * factor;
    if (suffix.size() < 2 || (suffix.front() != 'e' && suffix.front() != 'E')) return std::nullopt;
    std::string_view exponent = suffix.substr(1);
    const bool negative = exponent.front() == '-';
    if (exponent.front() == '-' || exponent.front() == '+') exponent.remove_prefix(1);
    if (exponent.empty() || exponent.size() > 3 || !detail::all_of(exponent, detail::is_digit))
        return std::nullopt;
    double scaled = value;
    for (int power = static_cast<int>(detail::decimal_value(exponent)); power > 0; --power)
        scaled = negative ? scaled / 10 : scaled * 10;
    return scaled;
}

constexpr bool is_quantity(std::string_view text) {
    return quantity_value(text).has_value();
}

// A request above its limit: the API server rejects the container ("must be less than or
// equal to ... limit"). Quantities it cannot read are left to their own rule.
constexpr bool exceeds(std::string_view request, std::string_view limit) {
    const std::optional<double> asked = quantity_value(request);
    const std::optional<double> allowed = quantity_value(limit);
    return asked && allowed && *asked > *allowed;
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
