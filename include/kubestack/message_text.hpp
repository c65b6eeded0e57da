// Text that a constant expression can build and return, such as a broken rule's message.
// std::string would do with GCC, or with clang on libc++, but clang cannot evaluate
// libstdc++ 12's std::string in a constant expression; this works with both libraries.
#pragma once

#include <algorithm>
#include <cstddef>
#include <kubestack/detail/list.hpp>
#include <string>
#include <string_view>

namespace kubestack {

class MessageText {
public:
    constexpr MessageText() = default;
    constexpr explicit MessageText(std::string_view text) { append(text); }

    constexpr void append(std::string_view part) {
        if (size() + part.size() > chars_.capacity())
            chars_.reserve(std::max(size() + part.size(), 2 * chars_.capacity()));
        for (char c : part)
            chars_.push_back(c);
    }
    constexpr void push_back(char c) { chars_.push_back(c); }

    constexpr std::size_t size() const { return chars_.size(); }
    constexpr bool empty() const { return chars_.empty(); }
    constexpr char operator[](std::size_t i) const { return chars_[i]; }
    constexpr std::string_view view() const { return {chars_.begin(), chars_.size()}; }
    constexpr operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }

    friend constexpr bool operator==(const MessageText& a, std::string_view b) {
        return a.view() == b;
    }

private:
    detail::List<char> chars_;
};

} // namespace kubestack
