// A list stored inline, with a fixed capacity: what an object's labels, ports or env
// values are kept in (see limits.hpp for why not std::vector).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <kubestack/detail/broken_rule.hpp>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(list_is_full_see_kubestack_limits_hpp)
} // namespace broken_rule

namespace detail {

template <class T, std::size_t Capacity>
class FixedList {
public:
    constexpr FixedList() = default;
    constexpr FixedList(std::initializer_list<T> items) {
        for (const T& item : items)
            push_back(item);
    }

    constexpr void push_back(const T& item) {
        if (size_ == Capacity) broken_rule::list_is_full_see_kubestack_limits_hpp();
        items_[size_++] = item;
    }

    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr T* begin() { return items_; }
    constexpr T* end() { return items_ + size_; }
    constexpr const T* begin() const { return items_; }
    constexpr const T* end() const { return items_ + size_; }
    constexpr T& operator[](std::size_t i) { return items_[i]; }
    constexpr const T& operator[](std::size_t i) const { return items_[i]; }
    constexpr T& front() { return items_[0]; }
    constexpr const T& front() const { return items_[0]; }
    constexpr T& back() { return items_[size_ - 1]; }
    constexpr const T& back() const { return items_[size_ - 1]; }

    friend constexpr bool operator==(const FixedList& a, const FixedList& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (!(a.items_[i] == b.items_[i])) return false;
        return true;
    }

private:
    T items_[Capacity]{};
    std::size_t size_ = 0;
};

} // namespace detail
} // namespace kubestack
