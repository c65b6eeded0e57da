// The review options of the command line: `--diff DIR`, and what `--check DIR` adds to its
// list of out-of-date files (the immutable-field changes).
#pragma once

#include <kubestack/manifests.hpp>
#include <string>
#include <vector>

namespace kubestack::review {

// Prints the diff on standard output and the error:/warning:/note: lines on standard error;
// returns 1 when anything would change, 0 (printing nothing) when nothing would.
int print_diff(const std::string& directory, const std::vector<ManifestFile>& files);

// Prints one error: or warning: line per immutable-field change on standard error, and a
// warning for each file it cannot read; returns the number of error: lines.
int print_immutable_changes(const std::string& directory, const std::vector<ManifestFile>& files);

} // namespace kubestack::review
