#include "output_directory.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace kubestack::driver {
namespace fs = std::filesystem;
namespace {

// POSIX I/O rather than iostreams: a stack binary links libstdc++ statically, and the
// stream and locale machinery would double its link time (part of the edit loop).
std::optional<std::string> read_file(const fs::path& path) {
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

bool is_written_by(const std::vector<ManifestFile>& files, const std::string& name) {
    return std::any_of(files.begin(), files.end(),
                       [&](const ManifestFile& f) { return f.name == name; });
}

std::vector<std::string> stray_manifests(const fs::path& directory,
                                         const std::vector<ManifestFile>& files) {
    std::vector<std::string> strays;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".yaml" && !is_written_by(files, name))
            strays.push_back(name);
    }
    std::sort(strays.begin(), strays.end());
    return strays;
}

void require_directory(const fs::path& directory) {
    std::error_code error;
    if (!fs::is_directory(directory, error))
        throw std::runtime_error(
            fmt::format("{}: not a directory (create it first)", directory.string()));
}

// Removes the temporary files of an unfinished write.
class PendingFiles {
public:
    ~PendingFiles() {
        std::error_code ignored;
        for (const fs::path& p : temporaries_)
            fs::remove(p, ignored);
    }
    void add(fs::path temporary) { temporaries_.push_back(std::move(temporary)); }
    void release() { temporaries_.clear(); }

private:
    std::vector<fs::path> temporaries_;
};

void write_whole(const fs::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error(
            fmt::format("{}: cannot create: {}", path.string(), std::strerror(errno)));
    for (std::size_t written = 0; written < content.size();) {
        const ssize_t put = ::write(fd, content.data() + written, content.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) {
            const int error = errno;
            ::close(fd);
            throw std::runtime_error(
                fmt::format("{}: cannot write: {}", path.string(), std::strerror(error)));
        }
        written += static_cast<std::size_t>(put);
    }
    if (::close(fd) != 0)
        throw std::runtime_error(
            fmt::format("{}: cannot write: {}", path.string(), std::strerror(errno)));
}

} // namespace

WriteReport write_files(const fs::path& directory, const std::vector<ManifestFile>& files) {
    require_directory(directory);
    WriteReport report;
    std::vector<std::pair<fs::path, fs::path>> renames; // temporary, target
    PendingFiles pending;
    for (const ManifestFile& file : files) {
        const fs::path target = directory / file.name;
        if (read_file(target) == file.content) {
            report.unchanged.push_back(file.name);
            continue;
        }
        const fs::path temporary = directory / fmt::format(".{}.tmp-{}", file.name, ::getpid());
        pending.add(temporary);
        write_whole(temporary, file.content);
        renames.emplace_back(temporary, target);
        report.written.push_back(file.name);
    }
    for (const auto& [temporary, target] : renames) {
        std::error_code error;
        fs::rename(temporary, target, error);
        if (error)
            throw std::runtime_error(
                fmt::format("{}: cannot replace: {}", target.string(), error.message()));
    }
    pending.release();
    report.strays = stray_manifests(directory, files);
    return report;
}

std::vector<Difference> compare_files(const fs::path& directory,
                                      const std::vector<ManifestFile>& files) {
    require_directory(directory);
    std::vector<Difference> differences;
    for (const ManifestFile& file : files) {
        const std::optional<std::string> current = read_file(directory / file.name);
        if (!current)
            differences.push_back({file.name, "missing"});
        else if (*current != file.content)
            differences.push_back({file.name, "differs from what the stack writes"});
    }
    for (std::string& stray : stray_manifests(directory, files))
        differences.push_back({std::move(stray), "is not written by this stack"});
    return differences;
}

} // namespace kubestack::driver
