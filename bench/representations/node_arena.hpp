// An untyped alternative to a model of structs: each object is one flat array of nodes
// (maps, sequences, scalars, each knowing the span of its subtree), so copying an object
// copies one array. Measured by run.py against the heap model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

namespace node_arena {

// A growable array of trivially copyable items.
template <class T>
class List {
public:
    constexpr List() = default;
    constexpr List(const List& other) {
        reserve(other.size_);
        for (const T& item : other)
            push_back(item);
    }
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
    constexpr ~List() {
        if (capacity_ != 0) std::allocator<T>().deallocate(data_, capacity_);
    }
    constexpr void push_back(const T& item) {
        if (size_ == capacity_) reserve(capacity_ == 0 ? 16 : capacity_ * 2);
        data_[size_++] = item;
    }
    constexpr void reserve(std::size_t capacity) {
        if (capacity <= capacity_) return;
        T* bigger = std::allocator<T>().allocate(capacity);
        for (std::size_t i = 0; i < capacity; ++i)
            std::construct_at(bigger + i);
        for (std::size_t i = 0; i < size_; ++i)
            bigger[i] = data_[i];
        if (capacity_ != 0) std::allocator<T>().deallocate(data_, capacity_);
        data_ = bigger;
        capacity_ = capacity;
    }
    constexpr std::size_t size() const { return size_; }
    constexpr const T* begin() const { return data_; }
    constexpr const T* end() const { return data_ + size_; }
    constexpr const T& operator[](std::size_t i) const { return data_[i]; }
    constexpr T& operator[](std::size_t i) { return data_[i]; }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

enum class NodeKind : std::uint8_t { Map, Sequence, String, Integer };

struct Node {
    NodeKind kind = NodeKind::Map;
    std::string_view key; // in a map; empty in a sequence
    std::string_view text;
    std::int64_t number = 0;
    std::uint32_t span = 1; // this node and its descendants
};

class Document {
public:
    constexpr std::size_t open(NodeKind kind, std::string_view key) {
        nodes_.push_back({kind, key, {}, 0, 1});
        return nodes_.size() - 1;
    }
    constexpr void close(std::size_t at) {
        nodes_[at].span = static_cast<std::uint32_t>(nodes_.size() - at);
    }
    constexpr void text(std::string_view key, std::string_view value) {
        nodes_.push_back({NodeKind::String, key, value, 0, 1});
    }
    constexpr void number(std::string_view key, std::int64_t value) {
        nodes_.push_back({NodeKind::Integer, key, {}, value, 1});
    }
    // Appends another document as the value of `key`.
    constexpr void splice(std::string_view key, const Document& inner) {
        const std::size_t at = nodes_.size();
        for (const Node& node : inner.nodes_)
            nodes_.push_back(node);
        nodes_[at].key = key;
    }
    // The child of the map at `at` with this key, or 0.
    constexpr std::size_t child(std::size_t at, std::string_view key) const {
        const std::size_t end = at + nodes_[at].span;
        for (std::size_t i = at + 1; i < end; i += nodes_[i].span)
            if (nodes_[i].key == key) return i;
        return 0;
    }
    constexpr const List<Node>& nodes() const { return nodes_; }

private:
    List<Node> nodes_;
};

} // namespace node_arena
