// A growable list for the stack's objects, lighter to evaluate at compile time than
// std::vector: it allocates through std::allocator and constructs only what it holds.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>

namespace kubestack::detail {

template <class T>
class List {
public:
    constexpr List() = default;
    constexpr List(const List& other) { append_copy(other); }
    constexpr List(List&& other) noexcept
        : data_(std::exchange(other.data_, nullptr))
        , size_(std::exchange(other.size_, 0))
        , capacity_(std::exchange(other.capacity_, 0)) {}
    constexpr List& operator=(List other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(capacity_, other.capacity_);
        return *this;
    }
    constexpr ~List() { release(); }

    constexpr void push_back(const T& item) {
        if (size_ == capacity_) reserve(capacity_ == 0 ? 8 : capacity_ * 2);
        std::construct_at(data_ + size_, item);
        ++size_;
    }
    constexpr void reserve(std::size_t capacity) {
        if (capacity <= capacity_) return;
        std::allocator<T> allocator;
        T* bigger = allocator.allocate(capacity);
        for (std::size_t i = 0; i < size_; ++i) {
            std::construct_at(bigger + i, std::move(data_[i]));
            std::destroy_at(data_ + i);
        }
        if (capacity_ != 0) allocator.deallocate(data_, capacity_);
        data_ = bigger;
        capacity_ = capacity;
    }

    constexpr std::size_t size() const { return size_; }
    constexpr std::size_t capacity() const { return capacity_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr T* begin() { return data_; }
    constexpr T* end() { return data_ + size_; }
    constexpr const T* begin() const { return data_; }
    constexpr const T* end() const { return data_ + size_; }
    constexpr T& operator[](std::size_t i) { return data_[i]; }
    constexpr const T& operator[](std::size_t i) const { return data_[i]; }
    constexpr T& front() { return data_[0]; }
    constexpr const T& front() const { return data_[0]; }
    constexpr T& back() { return data_[size_ - 1]; }
    constexpr const T& back() const { return data_[size_ - 1]; }

private:
    constexpr void append_copy(const List& other) {
        reserve(other.size_);
        for (const T& item : other)
            push_back(item);
    }
    constexpr void release() {
        if (capacity_ == 0) return;
        for (std::size_t i = 0; i < size_; ++i)
            std::destroy_at(data_ + i);
        std::allocator<T>().deallocate(data_, capacity_);
        data_ = nullptr;
        size_ = capacity_ = 0;
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

} // namespace kubestack::detail
