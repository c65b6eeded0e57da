// The review of a change before it is applied: what `--out DIR` would change in DIR, object
// by object in apply order, and which of those changes the cluster will refuse.
//
// Both sides are read with the same YAML reader (the stack's output is rendered, then read
// back), so objects compare field by field; a committed file that the reader cannot read
// falls back to a diff of its text, with a warning.
#pragma once

#include "immutable_fields.hpp"

#include <filesystem>
#include <kubestack/manifests.hpp>
#include <string>
#include <vector>

namespace kubestack::review {

struct FileReview {
    std::string file;
    std::string diff;                  // unified diff, per object, in apply order
    std::vector<Finding> findings;     // immutable-field changes
    std::vector<std::string> warnings; // "warning: ..." lines (an unreadable old file)
    std::vector<std::string> notes;    // "note: ..." lines (an object the stack drops)
    std::string unusable; // why the file in DIR cannot be compared (a link, a FIFO, unreadable)
};

// Every file of `files` that differs from its copy in `directory`, is missing there, or
// cannot be read there (`unusable`, with no diff).
// Throws std::runtime_error when `directory` is not a directory.
std::vector<FileReview> review_directory(const std::filesystem::path& directory,
                                         const std::vector<ManifestFile>& files);

} // namespace kubestack::review
