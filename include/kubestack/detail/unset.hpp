// Settings that may be left unset, each stored as one scalar: a count as -1, a yes/no as a
// Toggle, an enum as 0 or 1 + its value. Accessors hand them out as std::optional.
//
// Why not std::optional members: GCC evaluates each one as several nested objects, and a
// pod holds many settings on each of its containers; with them, a stack of 300 apps took
// 39% more compiler memory (bench/generate_stack.py, -fsyntax-only).
#pragma once

#include <optional>

namespace kubestack::detail {

inline constexpr int unset = -1;

constexpr std::optional<int> given(int value) {
    return value < 0 ? std::nullopt : std::optional<int>(value);
}

enum class Toggle : unsigned char { Unset, Off, On };

constexpr Toggle toggle(bool on) {
    return on ? Toggle::On : Toggle::Off;
}
constexpr std::optional<bool> given(Toggle value) {
    return value == Toggle::Unset ? std::nullopt : std::optional<bool>(value == Toggle::On);
}

template <class Enum>
constexpr unsigned char code_of(Enum value) {
    return static_cast<unsigned char>(static_cast<unsigned char>(value) + 1);
}
template <class Enum>
constexpr std::optional<Enum> given(unsigned char code) {
    return code == 0 ? std::nullopt : std::optional<Enum>(static_cast<Enum>(code - 1));
}

} // namespace kubestack::detail
