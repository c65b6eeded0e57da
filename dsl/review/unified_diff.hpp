// Unified diffs of lines, as `diff -u` writes them: hunks with three lines of context,
// numbered by the lines' positions in their files so that the output reads as a patch.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack::review {

// The lines of a text, without their line breaks.
std::vector<std::string_view> lines_of(std::string_view text);

// The hunks ("@@ -a,b +c,d @@" and their lines) that turn `before` into `after`; empty when
// they are equal. `before_first` and `after_first` are the 0-based line numbers at which the
// two ranges start in their files.
std::string unified_hunks(const std::vector<std::string_view>& before, std::size_t before_first,
                          const std::vector<std::string_view>& after, std::size_t after_first,
                          std::size_t context = 3);

} // namespace kubestack::review
