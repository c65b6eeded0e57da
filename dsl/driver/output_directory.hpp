// Writing manifest files into a directory, all or nothing, and comparing a directory
// with what would be written.
#pragma once

#include <filesystem>
#include <kubestack/manifests.hpp>
#include <string>
#include <vector>

namespace kubestack::driver {

struct WriteReport {
    std::vector<std::string> written;   // files whose content changed
    std::vector<std::string> unchanged; // files already up to date
    std::vector<std::string> strays; // *.yaml files in the directory that the stack does not write
};

// Writes every file that changed. Each one is first written in full next to its target,
// and only once all of them are written are they renamed into place, so a failure
// leaves the previous files intact. Throws std::runtime_error naming the path.
WriteReport write_files(const std::filesystem::path& directory,
                        const std::vector<ManifestFile>& files);

struct Difference {
    std::string file;
    std::string reason; // "differs", "missing", "not written by this stack"
};

std::vector<Difference> compare_files(const std::filesystem::path& directory,
                                      const std::vector<ManifestFile>& files);

} // namespace kubestack::driver
