#include "whole_file.hpp"

#include <cerrno>
#include <unistd.h>

namespace kubestack::driver {

std::optional<std::string> read_all(int fd) {
    std::string content;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return std::nullopt;
        if (got == 0) return content;
        content.append(buffer, static_cast<std::size_t>(got));
    }
}

} // namespace kubestack::driver
