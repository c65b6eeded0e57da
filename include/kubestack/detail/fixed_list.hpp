// A list stored inline, with a fixed capacity: what an object's labels, ports or env
// values are kept in (see limits.hpp for why not std::vector).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <kubestack/detail/broken_rule.hpp>
#include <memory>
#include <type_traits>

namespace kubestack {

namespace broken_rule {
KUBESTACK_BROKEN_RULE(list_is_full_see_kubestack_limits_hpp)
} // namespace broken_rule

namespace detail {

// One place of a FixedList. Until an item is put there, it holds a char, not a
// default-constructed T: GCC represents a constant by every field it holds, so an empty
// list of env values, ports or probes would otherwise weigh as much as a full item, in
// every copy of every object of a stack.
template <class T>
union Slot {
    constexpr Slot()
        : none() {}
    char none;
    T value;
};

template <class T, std::size_t Capacity>
class FixedList {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "a FixedList copies its items as bytes");

    template <class Item, class Place>
    class Iterator {
    public:
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        constexpr Iterator() = default;
        constexpr explicit Iterator(Place* place)
            : place_(place) {}
        constexpr Item& operator*() const { return place_->value; }
        constexpr Item* operator->() const { return &place_->value; }
        constexpr Iterator& operator++() {
            ++place_;
            return *this;
        }
        constexpr Iterator operator++(int) {
            Iterator before = *this;
            ++place_;
            return before;
        }
        constexpr bool operator==(const Iterator&) const = default;

    private:
        Place* place_ = nullptr;
    };

public:
    using iterator = Iterator<T, Slot<T>>;
    using const_iterator = Iterator<const T, const Slot<T>>;

    constexpr FixedList() = default;
    constexpr FixedList(std::initializer_list<T> items) {
        for (const T& item : items)
            push_back(item);
    }

    constexpr void push_back(const T& item) {
        if (size_ == Capacity) broken_rule::list_is_full_see_kubestack_limits_hpp();
        std::construct_at(&slots_[size_].value, item);
        ++size_;
    }

    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr iterator begin() { return iterator(slots_); }
    constexpr iterator end() { return iterator(slots_ + size_); }
    constexpr const_iterator begin() const { return const_iterator(slots_); }
    constexpr const_iterator end() const { return const_iterator(slots_ + size_); }
    constexpr T& operator[](std::size_t i) { return slots_[i].value; }
    constexpr const T& operator[](std::size_t i) const { return slots_[i].value; }
    constexpr T& front() { return slots_[0].value; }
    constexpr const T& front() const { return slots_[0].value; }
    constexpr T& back() { return slots_[size_ - 1].value; }
    constexpr const T& back() const { return slots_[size_ - 1].value; }

    friend constexpr bool operator==(const FixedList& a, const FixedList& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (!(a[i] == b[i])) return false;
        return true;
    }

private:
    Slot<T> slots_[Capacity]{};
    std::size_t size_ = 0;
};

} // namespace detail
} // namespace kubestack
