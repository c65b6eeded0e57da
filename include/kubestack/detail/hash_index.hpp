// An open-addressing hash index from 64-bit hashes to item numbers, for the whole-stack
// rules. GCC evaluates a lookup here in a few hundred steps; std::sort and binary search
// over string_views cost about 10,000 steps per object, which made a 1000-service stack
// overflow GCC's constexpr budget.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kubestack::detail {

// FNV-1a, continued from `hash` so that several texts hash as one key.
constexpr std::uint64_t hash_text(std::uint64_t hash, std::string_view text) {
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    return (hash ^ 0xffU) * 1099511628211ULL;
}

inline constexpr std::uint64_t hash_seed = 14695981039346656037ULL;

class HashIndex {
public:
    constexpr explicit HashIndex(std::size_t expected_items) {
        while (capacity_ < 2 * expected_items)
            capacity_ *= 2;
        slots_ = new Slot[capacity_]();
    }
    HashIndex(const HashIndex&) = delete;
    HashIndex& operator=(const HashIndex&) = delete;
    constexpr ~HashIndex() { delete[] slots_; }

    constexpr void insert(std::uint64_t hash, std::size_t item) {
        std::size_t i = static_cast<std::size_t>(hash) & (capacity_ - 1);
        while (slots_[i].used)
            i = (i + 1) & (capacity_ - 1);
        slots_[i] = {hash, item, true};
    }

    // Calls visit(item) for every item inserted with this hash, until it returns true.
    template <class Visit>
    constexpr bool find_if(std::uint64_t hash, Visit&& visit) const {
        for (std::size_t i = static_cast<std::size_t>(hash) & (capacity_ - 1); slots_[i].used;
             i = (i + 1) & (capacity_ - 1))
            if (slots_[i].hash == hash && visit(slots_[i].item)) return true;
        return false;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t item = 0;
        bool used = false;
    };
    std::size_t capacity_ = 16;
    Slot* slots_ = nullptr;
};

} // namespace kubestack::detail
