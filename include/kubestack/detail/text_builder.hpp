// Building the text of a diagnostic inside a constant expression, where std::to_string
// and streams are not available.
#pragma once

#include <kubestack/message_text.hpp>
#include <kubestack/source_place.hpp>
#include <string_view>
#include <utility>

namespace kubestack::detail {

class TextBuilder {
public:
    constexpr TextBuilder& operator<<(std::string_view part) {
        text_.append(part);
        return *this;
    }
    constexpr TextBuilder& operator<<(char c) {
        text_.push_back(c);
        return *this;
    }
    constexpr TextBuilder& operator<<(int number) {
        if (number < 0) {
            text_.push_back('-');
            number = -number;
        }
        char digits[12] = {};
        int count = 0;
        do {
            digits[count++] = static_cast<char>('0' + number % 10);
            number /= 10;
        } while (number != 0);
        while (count > 0)
            text_.push_back(digits[--count]);
        return *this;
    }
    // "name", quoted as Kubernetes tools quote names.
    constexpr TextBuilder& quoted(std::string_view part) { return *this << '"' << part << '"'; }

    constexpr MessageText take() { return std::move(text_); }

    // Where the first object the text names was written: a diagnostic is reported there.
    constexpr void names(SourcePlace place) {
        if (subject_.line == 0) subject_ = place;
    }
    constexpr SourcePlace subject() const { return subject_; }

private:
    MessageText text_;
    SourcePlace subject_;
};

} // namespace kubestack::detail
