// Reading a whole file, for the review of a directory (the driver's writer keeps its own).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kubestack::review {

// The file's bytes, or nullopt when it does not exist or cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& path);

} // namespace kubestack::review
