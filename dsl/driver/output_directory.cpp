#include "output_directory.hpp"

#include "whole_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <linux/fs.h>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

// POSIX I/O rather than iostreams or std::filesystem: every step works on descriptors of
// the locked directories (openat, linkat, renameat2), so that a path swapped underneath
// cannot redirect a write; and a stack binary links libstdc++ statically, where the stream
// machinery would double its link time (part of the edit loop).
namespace kubestack::driver {
namespace {

[[noreturn]] void fail(std::string message) {
    throw std::runtime_error(std::move(message));
}

std::string cause(int error) {
    return std::strerror(error);
}

class Descriptor {
public:
    explicit Descriptor(int fd = -1)
        : fd_(fd) {}
    Descriptor(Descriptor&& other) noexcept
        : fd_(std::exchange(other.fd_, -1)) {}
    Descriptor& operator=(Descriptor&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }

private:
    int fd_;
};

struct Entry {
    std::string name;
    struct stat status;
};

// Every entry of a directory but . and .., with its lstat.
std::vector<Entry> entries_of(int directory, const std::string& shown) {
    const int copy = ::dup(directory);
    DIR* listing = copy >= 0 ? ::fdopendir(copy) : nullptr;
    if (listing == nullptr) {
        const int error = errno;
        if (copy >= 0) ::close(copy);
        fail(fmt::format("{}: cannot list: {}", shown, cause(error)));
    }
    ::rewinddir(listing);
    std::vector<Entry> entries;
    while (const dirent* d = ::readdir(listing)) {
        const std::string name = d->d_name;
        if (name == "." || name == "..") continue;
        Entry entry{name, {}};
        if (::fstatat(directory, name.c_str(), &entry.status, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT) continue; // removed meanwhile
            const int error = errno;
            ::closedir(listing);
            fail(fmt::format("{}/{}: {}", shown, name, cause(error)));
        }
        entries.push_back(std::move(entry));
    }
    ::closedir(listing);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
}

// Non-blocking: a FIFO put in a file's place between the lstat and the open cannot hang.
std::optional<std::string> read_file(int directory, const std::string& name) {
    const Descriptor fd(
        ::openat(directory, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) return std::nullopt;
    return read_all(fd.get());
}

std::string kind_of_entry(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

std::string in_the_way(mode_t mode) {
    return kind_of_entry(mode) + " where --out writes a file: remove it";
}

// Where the directory really is: its parent (which holds the swap) and its own name.
struct Location {
    std::string shown; // as the user gave it, for messages
    std::string parent;
    std::string name;
};

Location locate(const std::string& directory) {
    if (directory.empty()) fail("the directory name is empty");
    char* real = ::realpath(directory.c_str(), nullptr);
    if (real == nullptr) {
        const int error = errno;
        fail(fmt::format("{}: {}{}", directory, cause(error),
                         error == ENOENT ? " (create the directory first)" : ""));
    }
    const std::string resolved = real;
    std::free(real);
    const std::size_t slash = resolved.rfind('/');
    if (resolved == "/" || slash == std::string::npos)
        fail(fmt::format("{}: the root directory cannot be replaced; write into a directory "
                         "inside it",
                         directory));
    return {directory, slash == 0 ? "/" : resolved.substr(0, slash), resolved.substr(slash + 1)};
}

bool same_inode(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// The directory, opened and flock'ed. Another run may swap a new directory in while this
// one waits for the lock; then the lock is on the old one, so it starts again.
struct LockedDirectory {
    Location where;
    Descriptor parent;
    bool parent_readable; // false: an O_PATH descriptor of a parent the user may only enter
    Descriptor directory;
    struct stat status;
};

LockedDirectory lock_directory(const std::string& directory, int how) {
    LockedDirectory locked{locate(directory), Descriptor(), true, Descriptor(), {}};
    const Location& where = locked.where;
    locked.parent = Descriptor(::open(where.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    // A parent of mode 0711, as many home directories are: enough to reach DIR.
    if (!locked.parent.valid() && errno == EACCES) {
        locked.parent = Descriptor(::open(where.parent.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        locked.parent_readable = false;
    }
    if (!locked.parent.valid()) fail(fmt::format("{}: {}", where.parent, cause(errno)));
    for (int attempt = 0; attempt < 1000; ++attempt) {
        locked.directory = Descriptor(::openat(locked.parent.get(), where.name.c_str(),
                                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!locked.directory.valid()) {
            const int error = errno;
            fail(fmt::format("{}: {}{}", where.shown, cause(error),
                             error == ENOENT ? " (create the directory first)" : ""));
        }
        while (::flock(locked.directory.get(), how) != 0)
            if (errno != EINTR) fail(fmt::format("{}: cannot lock: {}", where.shown, cause(errno)));
        struct stat now;
        if (::fstat(locked.directory.get(), &locked.status) == 0 &&
            ::fstatat(locked.parent.get(), where.name.c_str(), &now, AT_SYMLINK_NOFOLLOW) == 0 &&
            same_inode(now, locked.status))
            return locked;
    }
    fail(fmt::format("{}: replaced again and again while waiting for it", where.shown));
}

// The directories an --out builds next to the target are named ".<name>.kubestack-XXXXXX";
// a name too long for that is shortened and made unique with a hash.
std::string staging_prefix(const std::string& name, std::size_t name_max) {
    std::string prefix = "." + name + ".kubestack-";
    if (prefix.size() + 6 <= name_max) return prefix;
    std::uint64_t hash = 14695981039346656037ull; // FNV-1a
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return fmt::format(".{}.{:016x}.kubestack-", name.substr(0, 64), hash);
}

std::size_t name_max_of(int directory) {
    const long max = ::fpathconf(directory, _PC_NAME_MAX);
    return max > 0 ? static_cast<std::size_t>(max) : 255;
}

bool is_leftover_directory(const Entry& entry, const std::string& prefix) {
    return S_ISDIR(entry.status.st_mode) && entry.name.size() == prefix.size() + 6 &&
           entry.name.compare(0, prefix.size(), prefix) == 0;
}

// None when the parent cannot be listed (execute-only): checking DIR itself must still
// work, and a run that cannot list it finds no leftovers to remove either.
std::vector<std::string> leftover_directories(const LockedDirectory& locked) {
    const std::string prefix = staging_prefix(locked.where.name, name_max_of(locked.parent.get()));
    std::vector<std::string> names;
    try {
        for (const Entry& entry : entries_of(locked.parent.get(), locked.where.parent))
            if (is_leftover_directory(entry, prefix)) names.push_back(entry.name);
    } catch (const std::runtime_error&) {
    }
    return names;
}

// A temporary file of the releases before the directory swap: ".<file>.yaml.tmp-<pid>".
bool is_old_temporary(const std::string& name) {
    const std::size_t mark = name.rfind(".yaml.tmp-");
    if (name.empty() || name[0] != '.' || mark == std::string::npos) return false;
    const std::string pid = name.substr(mark + 10);
    return !pid.empty() &&
           std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Removes a directory this code built (flat: files and links only). Returns the failure.
std::string remove_flat_directory(int parent, const std::string& name, const std::string& shown) {
    const Descriptor directory(
        ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!directory.valid())
        return errno == ENOENT ? "" : fmt::format("{}: {}", shown, cause(errno));
    ::fchmod(directory.get(), 0700); // a read-only copy of the target's mode
    try {
        for (const Entry& entry : entries_of(directory.get(), shown))
            if (::unlinkat(directory.get(), entry.name.c_str(), 0) != 0 && errno != ENOENT)
                return fmt::format("{}/{}: cannot remove: {}", shown, entry.name, cause(errno));
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    if (::unlinkat(parent, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT)
        return fmt::format("{}: cannot remove: {}", shown, cause(errno));
    return "";
}

bool immutable(int directory, const std::string& name) {
    const Descriptor fd(
        ::openat(directory, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    int flags = 0;
    if (!fd.valid() || ::ioctl(fd.get(), FS_IOC_GETFLAGS, &flags) != 0) return false;
    return (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL)) != 0;
}

const ManifestFile* written_by(const std::vector<ManifestFile>& files, const std::string& name) {
    const auto it = std::find_if(files.begin(), files.end(),
                                 [&](const ManifestFile& f) { return f.name == name; });
    return it == files.end() ? nullptr : &*it;
}

// A file that `kubectl apply -f DIR` would apply, though the stack does not write it.
bool is_stray_manifest(const std::vector<ManifestFile>& files, const Entry& entry) {
    const auto ends_with = [&](std::string_view suffix) {
        return entry.name.size() > suffix.size() &&
               entry.name.compare(entry.name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return !S_ISDIR(entry.status.st_mode) &&
           (ends_with(".yaml") || ends_with(".yml") || ends_with(".json")) &&
           written_by(files, entry.name) == nullptr;
}

// What one file of the stack needs: nothing, or a new copy with this mode and owner.
struct Plan {
    const ManifestFile* file;
    std::optional<struct stat> previous; // the regular file it replaces
    bool changed;
};

void write_new_file(int directory, const std::string& shown, const Plan& plan) {
    const ManifestFile& file = *plan.file;
    const mode_t mode = file.holds_secret ? 0600 : 0644;
    const Descriptor fd(::openat(directory, file.name.c_str(),
                                 O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd.valid()) fail(fmt::format("{}: cannot create: {}", shown, cause(errno)));
    const std::string& content = file.content;
    for (std::size_t written = 0; written < content.size();) {
        const ssize_t put = ::write(fd.get(), content.data() + written, content.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) fail(fmt::format("{}: cannot write: {}", shown, cause(errno)));
        written += static_cast<std::size_t>(put);
    }
    if (plan.previous) {
        // The user's mode and, where allowed, owner carry over to the new copy; new Secret
        // data is never written where the group or others can read it.
        const struct stat& before = *plan.previous;
        if (before.st_uid != ::geteuid() || before.st_gid != ::getegid())
            (void)::fchown(fd.get(), before.st_uid, before.st_gid);
        const mode_t kept = before.st_mode & (file.holds_secret ? 07700 : 07777);
        if (::fchmod(fd.get(), kept) != 0)
            fail(fmt::format("{}: cannot keep its mode: {}", shown, cause(errno)));
    }
    if (::fsync(fd.get()) != 0) fail(fmt::format("{}: cannot write: {}", shown, cause(errno)));
}

// The directory being built next to the target. Until it is swapped in it holds the new
// set; afterwards the old one. Either way it is removed when this goes out of scope.
class StagingDirectory {
public:
    StagingDirectory(const LockedDirectory& target)
        : parent_(target.parent.get()) {
        const std::string prefix = staging_prefix(target.where.name, name_max_of(parent_));
        const std::string pattern =
            target.where.parent + (target.where.parent == "/" ? "" : "/") + prefix + "XXXXXX";
        std::string path = pattern;
        if (::mkdtemp(path.data()) == nullptr)
            fail(fmt::format("{}: cannot create the new directory next to it, {}: {}",
                             target.where.shown, pattern, cause(errno)));
        name_ = path.substr(path.rfind('/') + 1);
        shown_ = path;
        directory_ = Descriptor(
            ::openat(parent_, name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        // Locked before it is swapped in, so that a run that opens it then waits for this one.
        if (!directory_.valid() || ::flock(directory_.get(), LOCK_EX) != 0)
            fail(fmt::format("{}: {}", shown_, cause(errno)));
    }
    StagingDirectory(const StagingDirectory&) = delete;
    StagingDirectory& operator=(const StagingDirectory&) = delete;
    ~StagingDirectory() { remove(); }
    std::string remove() {
        if (removed_) return "";
        removed_ = true;
        return remove_flat_directory(parent_, name_, shown_);
    }
    int get() const { return directory_.get(); }
    const std::string& name() const { return name_; }

private:
    int parent_;
    std::string name_;
    std::string shown_;
    Descriptor directory_;
    bool removed_ = false;
};

// Everything that would stop the new set from replacing the old one, before any change.
void require_replaceable(const LockedDirectory& target, const std::vector<Entry>& entries) {
    const std::string& shown = target.where.shown;
    if (!target.parent_readable)
        fail(fmt::format("{}: Permission denied (--out swaps DIR in it and syncs it, so it needs "
                         "to read it)",
                         target.where.parent));
    if (target.status.st_dev != [&] {
            struct stat parent;
            return ::fstat(target.parent.get(), &parent) == 0 ? parent.st_dev : dev_t{};
        }())
        fail(fmt::format("{}: a mount point; --out replaces the directory as a whole, so give it "
                         "a directory inside the mounted file system",
                         shown));
    if (::faccessat(target.parent.get(), target.where.name.c_str(), W_OK, AT_EACCESS) != 0)
        fail(fmt::format("{}: {} (--out needs to write in it)", shown, cause(errno)));
    if (immutable(target.parent.get(), target.where.name))
        fail(fmt::format("{}: immutable or append-only (chattr); --out cannot replace it", shown));
    if (target.status.st_uid != ::geteuid() || target.status.st_gid != ::getegid()) {
        // Only an owner that can be given to the new directory keeps the directory's owner.
        if (::geteuid() != 0 && target.status.st_uid != ::geteuid())
            fail(fmt::format("{}: owned by another user (uid {}); --out replaces the directory "
                             "and could not give the new one the same owner: run it as that user",
                             shown, target.status.st_uid));
    }
    for (const Entry& entry : entries) {
        if (S_ISDIR(entry.status.st_mode))
            fail(fmt::format("{}/{}: a subdirectory; --out replaces the directory as a whole "
                             "and carries over files only: move it elsewhere",
                             shown, entry.name));
        if (S_ISREG(entry.status.st_mode) && immutable(target.directory.get(), entry.name))
            fail(fmt::format("{}/{}: immutable or append-only (chattr); --out cannot replace "
                             "the directory that holds it",
                             shown, entry.name));
    }
}

std::vector<Plan> plan_files(const LockedDirectory& target,
                             const std::vector<ManifestFile>& files) {
    const std::string& shown = target.where.shown;
    const std::size_t name_max = name_max_of(target.directory.get());
    std::vector<Plan> plans;
    for (const ManifestFile& file : files) {
        if (file.name.size() > name_max)
            fail(fmt::format("{}/{}: the file name of {} is {} bytes, longer than the {} this file "
                             "system allows: shorten the object's name",
                             shown, file.name, file.named_after, file.name.size(), name_max));
        Plan plan{&file, std::nullopt, true};
        struct stat status;
        if (::fstatat(target.directory.get(), file.name.c_str(), &status, AT_SYMLINK_NOFOLLOW) ==
            0) {
            if (!S_ISREG(status.st_mode))
                fail(fmt::format("{}/{}: {}", shown, file.name, in_the_way(status.st_mode)));
            plan.previous = status;
            plan.changed = read_file(target.directory.get(), file.name) != file.content;
        } else if (errno != ENOENT) {
            fail(fmt::format("{}/{}: {}", shown, file.name, cause(errno)));
        }
        plans.push_back(plan);
    }
    return plans;
}

void sync_directory(int directory, const std::string& shown) {
    if (::fsync(directory) != 0) fail(fmt::format("{}: cannot sync: {}", shown, cause(errno)));
}

constexpr std::string_view subdirectory_reason =
    "a subdirectory: --out carries over files only, and refuses to replace DIR while it "
    "holds one: move it elsewhere";
constexpr std::string_view stray_reason =
    "is not written by this stack, and --out keeps it: remove it if it is stale";

} // namespace

ManifestOnDisk read_manifest(int directory, const std::string& name) {
    using State = ManifestOnDisk::State;
    struct stat status;
    if (::fstatat(directory, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? ManifestOnDisk{State::missing, {}, {}}
                               : ManifestOnDisk{State::unreadable, {}, cause(errno)};
    if (!S_ISREG(status.st_mode)) return {State::in_the_way, {}, in_the_way(status.st_mode)};
    const Descriptor fd(
        ::openat(directory, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid())
        return errno == ELOOP ? ManifestOnDisk{State::in_the_way, {}, in_the_way(S_IFLNK)}
                              : ManifestOnDisk{State::unreadable, {}, cause(errno)};
    if (::fstat(fd.get(), &status) != 0) return {State::unreadable, {}, cause(errno)};
    // Replaced by another kind of entry since the fstatat.
    if (!S_ISREG(status.st_mode)) return {State::in_the_way, {}, in_the_way(status.st_mode)};
    std::optional<std::string> content = read_all(fd.get());
    if (!content) return {State::unreadable, {}, cause(errno)};
    return {State::read, std::move(*content), {}};
}

std::vector<std::string> stray_manifests(const std::string& directory,
                                         const std::vector<ManifestFile>& files) {
    const Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) fail(fmt::format("{}: {}", directory, cause(errno)));
    std::vector<std::string> strays;
    for (const Entry& entry : entries_of(fd.get(), directory))
        if (is_stray_manifest(files, entry)) strays.push_back(entry.name);
    return strays;
}

WriteReport write_files(const std::string& directory, const std::vector<ManifestFile>& files) {
    const LockedDirectory target = lock_directory(directory, LOCK_EX);
    const std::string& shown = target.where.shown;
    const int parent = target.parent.get();
    std::vector<Entry> entries = entries_of(target.directory.get(), shown);
    std::erase_if(entries, [](const Entry& e) {
        return is_old_temporary(e.name) && !S_ISDIR(e.status.st_mode);
    });
    const std::vector<Plan> plans = plan_files(target, files);

    WriteReport report;
    for (const Plan& plan : plans) {
        (plan.changed ? report.written : report.unchanged).push_back(plan.file->name);
        const mode_t mode = plan.previous ? plan.previous->st_mode : 0600;
        if (!plan.file->holds_secret) continue;
        if (plan.changed && (mode & 077) != 0) report.narrowed_secrets.push_back(plan.file->name);
        if (!plan.changed && (mode & (S_IRGRP | S_IROTH)) != 0)
            report.readable_secrets.push_back(plan.file->name);
    }
    for (const Entry& entry : entries)
        if (is_stray_manifest(files, entry)) report.strays.push_back(entry.name);

    if (!report.written.empty()) require_replaceable(target, entries);

    // Leftovers of interrupted runs: nobody else works on them while the lock is held.
    for (const std::string& name : leftover_directories(target)) {
        const std::string leftover = target.where.parent + "/" + name;
        const std::string failure = remove_flat_directory(parent, name, leftover);
        if (!failure.empty()) fail(failure);
        report.leftovers_removed.push_back(leftover);
    }
    for (const Entry& entry : entries_of(target.directory.get(), shown))
        if (is_old_temporary(entry.name) && !S_ISDIR(entry.status.st_mode)) {
            if (::unlinkat(target.directory.get(), entry.name.c_str(), 0) != 0)
                fail(fmt::format("{}/{}: cannot remove: {}", shown, entry.name, cause(errno)));
            report.leftovers_removed.push_back(shown + "/" + entry.name);
        }
    if (report.written.empty()) return report;

    StagingDirectory staging(target);
    for (const Plan& plan : plans)
        if (plan.changed) write_new_file(staging.get(), shown + "/" + plan.file->name, plan);
    for (const Entry& entry : entries) {
        const ManifestFile* file = written_by(files, entry.name);
        const bool rewritten =
            file != nullptr && std::find(report.written.begin(), report.written.end(),
                                         entry.name) != report.written.end();
        if (rewritten) continue;
        if (::linkat(target.directory.get(), entry.name.c_str(), staging.get(), entry.name.c_str(),
                     0) != 0)
            fail(fmt::format("{}/{}: cannot carry it over to the new directory: {}", shown,
                             entry.name, cause(errno)));
    }
    const struct stat& old = target.status;
    if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) &&
        ::fchown(staging.get(), old.st_uid, old.st_gid) != 0)
        fail(fmt::format("{}: cannot give the new directory its owner: {}", shown, cause(errno)));
    if (::fchmod(staging.get(), old.st_mode & 07777) != 0)
        fail(fmt::format("{}: cannot give the new directory its mode: {}", shown, cause(errno)));
    sync_directory(staging.get(), shown);

    // The one step that changes what the directory's path shows: all at once.
    if (::renameat2(parent, staging.name().c_str(), parent, target.where.name.c_str(),
                    RENAME_EXCHANGE) != 0)
        fail(fmt::format("{}: cannot swap in the new directory: {}", shown, cause(errno)));
    sync_directory(parent, target.where.parent);
    report.cleanup_failure = staging.remove();
    return report;
}

std::vector<Difference> compare_files(const std::string& directory,
                                      const std::vector<ManifestFile>& files) {
    const LockedDirectory target = lock_directory(directory, LOCK_SH);
    std::vector<Difference> differences;
    for (const ManifestFile& file : files) {
        const ManifestOnDisk found = read_manifest(target.directory.get(), file.name);
        switch (found.state) {
        case ManifestOnDisk::State::missing:
            differences.push_back({file.name, "missing"});
            break;
        case ManifestOnDisk::State::in_the_way:
            differences.push_back({file.name, found.problem, false});
            break;
        case ManifestOnDisk::State::unreadable:
            differences.push_back({file.name, found.problem});
            break;
        case ManifestOnDisk::State::read:
            if (found.content != file.content)
                differences.push_back({file.name, "differs from what the stack writes"});
            break;
        }
    }
    for (const Entry& entry : entries_of(target.directory.get(), target.where.shown)) {
        if (is_old_temporary(entry.name) && !S_ISDIR(entry.status.st_mode))
            differences.push_back(
                {entry.name, "left over from an interrupted --out; the next --out removes it"});
        else if (is_stray_manifest(files, entry))
            differences.push_back({entry.name, std::string(stray_reason), false});
        else if (S_ISDIR(entry.status.st_mode) && written_by(files, entry.name) == nullptr)
            differences.push_back({entry.name, std::string(subdirectory_reason), false});
    }
    for (const std::string& name : leftover_directories(target))
        differences.push_back(
            {"../" + name, "left over from an interrupted --out; the next --out removes it"});
    return differences;
}

} // namespace kubestack::driver
