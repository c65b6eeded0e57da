// Writing manifest files into a directory all or nothing, and comparing a directory with
// what would be written. The new set is built in a fresh directory next to the target and
// swapped in with one atomic exchange, under an exclusive lock on the target.
#pragma once

#include <kubestack/manifests.hpp>
#include <string>
#include <vector>

namespace kubestack::driver {

struct WriteReport {
    std::vector<std::string> written;   // files whose content changed
    std::vector<std::string> unchanged; // files already up to date
    std::vector<std::string> strays; // *.yaml files in the directory that the stack does not write
    std::vector<std::string> leftovers_removed; // paths left by an interrupted run, now removed
    std::vector<std::string> readable_secrets;  // unchanged Secret files that others can read
    std::vector<std::string>
        narrowed_secrets;        // rewritten Secret files: group, other access removed
    std::string cleanup_failure; // set when the previous directory could not be removed
};

// Replaces the directory's content with the files, keeping every other entry (hard-linked
// over) and every file's mode; unchanged files keep their inode. Either the whole new set
// is in place when it returns, or (on an exception, a failed write or a kill) the directory
// is exactly as it was. Throws std::runtime_error naming the path and the cause.
WriteReport write_files(const std::string& directory, const std::vector<ManifestFile>& files);

struct Difference {
    std::string file; // relative to the directory: "../NAME" for a leftover next to it
    std::string reason;
    bool fixed_by_out = true; // false: --out keeps the entry, or refuses to replace it
};

// Read-only: every file that differs, is missing, is not written by the stack, or is left
// over from an interrupted run.
std::vector<Difference> compare_files(const std::string& directory,
                                      const std::vector<ManifestFile>& files);

// A manifest's file as --check and --diff find it where --out writes one.
struct ManifestOnDisk {
    enum class State { missing, read, in_the_way, unreadable };
    State state;
    std::string content; // read: the file's content
    std::string problem; // in_the_way, unreadable: what stands there, or why it cannot be read
};

// Never blocks (a FIFO in the file's place) and never follows a symbolic link in its place;
// `directory` is a descriptor, or AT_FDCWD for a path.
ManifestOnDisk read_manifest(int directory, const std::string& name);

// The *.yaml files of the directory that the stack does not write, sorted.
std::vector<std::string> stray_manifests(const std::string& directory,
                                         const std::vector<ManifestFile>& files);

} // namespace kubestack::driver
