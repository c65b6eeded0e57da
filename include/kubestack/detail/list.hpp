// A growable list for the stack's objects, lighter to evaluate at compile time than
// std::vector: it allocates through std::allocator and constructs only what it holds.
// T may still be incomplete where the destructor is instantiated (see release_).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <type_traits>
#include <utility>

namespace kubestack::detail {

template <class T>
class List {
public:
    constexpr List() = default;
    // A list written out, as kubestack-import writes model objects: List<String>{"a", "b"}.
    constexpr List(std::initializer_list<T> items) {
        reserve(items.size());
        for (const T& item : items)
            push_back(item);
    }
    constexpr List(const List& other) { append_copy(other); }
    constexpr List(List&& other) noexcept
        : data_(std::exchange(other.data_, nullptr))
        , size_(std::exchange(other.size_, 0))
        , capacity_(std::exchange(other.capacity_, 0))
        , release_(std::exchange(other.release_, nullptr)) {}
    constexpr List& operator=(List other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(capacity_, other.capacity_);
        std::swap(release_, other.release_);
        return *this;
    }
    constexpr ~List() {
        // Not `if (release_)`: under -fsanitize GCC cannot compare it with null in a
        // constant expression. release_ is set whenever storage is.
        if (capacity_ != 0) release_(*this);
    }

    constexpr void push_back(const T& item) {
        if (size_ == capacity_) reserve(capacity_ == 0 ? first_capacity() : capacity_ * 2);
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
        release_ = &release;
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
    // In a constant evaluation, unused capacity costs nothing (GCC creates the items that
    // are written, no others), while growing copies every item: start large there.
    static constexpr std::size_t first_capacity() {
        return std::is_constant_evaluated() ? 1024 : 8;
    }
    constexpr void append_copy(const List& other) {
        reserve(other.size_);
        for (const T& item : other)
            push_back(item);
    }
    static constexpr void release(List& list) {
        for (std::size_t i = 0; i < list.size_; ++i)
            std::destroy_at(list.data_ + i);
        std::allocator<T>().deallocate(list.data_, list.capacity_);
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    // Destroys the items and frees their storage; set by the first allocation. Called
    // through a pointer so that the destructor itself needs no complete T: clang
    // instantiates a constexpr destructor where a member's default initializer names it,
    // which the generated model does for lists of structs defined further down.
    void (*release_)(List&) = nullptr;
};

} // namespace kubestack::detail
