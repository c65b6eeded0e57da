// Reading a whole file through a descriptor the caller opened as it needs (relative to a
// locked directory, without following links, ...). POSIX I/O rather than iostreams: a
// stack binary links libstdc++ statically, where the stream machinery would double its
// link time (part of the edit loop).
#pragma once

#include <optional>
#include <string>

namespace kubestack::driver {

// Everything left to read from the descriptor, or nullopt on a read error.
std::optional<std::string> read_all(int fd);

} // namespace kubestack::driver
