#include "messages.hpp"

#include <fmt/format.h>

namespace kubestack::driver {

std::string printable(std::string_view text) {
    std::string shown;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 = byte == 0xc2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9f;
        if (byte == '\\')
            shown += "\\\\";
        else if (byte == 0x1b)
            shown += "\\e";
        else if (byte == '\n')
            shown += "\\n";
        else if (byte == '\t')
            shown += "\\t";
        else if (byte < 0x20 || byte == 0x7f)
            shown += fmt::format("\\x{:02x}", byte);
        else if (c1)
            shown += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
        else
            shown += text[i];
    }
    return shown;
}

bool put(std::FILE* stream, std::string_view text) noexcept {
    return std::fwrite(text.data(), 1, text.size(), stream) == text.size() &&
           std::fflush(stream) == 0;
}

void say(std::string_view line) noexcept {
    try {
        (void)put(stderr, printable(line) + "\n");
    } catch (...) { // out of memory while formatting: the exit status still tells
    }
}

} // namespace kubestack::driver
