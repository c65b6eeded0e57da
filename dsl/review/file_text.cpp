// POSIX I/O rather than iostreams: a stack binary links libstdc++ statically, and the
// stream and locale machinery would slow its link (part of the edit loop).
#include "file_text.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace kubestack::review {

std::optional<std::string> read_text_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string content;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            ::close(fd);
            if (got < 0) return std::nullopt;
            return content;
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
}

} // namespace kubestack::review
