// Messages on the terminal: escaped so that text from the command line or the file system
// cannot drive it, and written so that a closed or full stream never turns an exit status
// into an abort. Every command of the driver, the review's included, writes through these.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace kubestack::driver {

// The text with control characters (an escape sequence's ESC, C1 controls) written as
// \e, \n, \xHH.
std::string printable(std::string_view text);

// Writes all of the text, or says it could not; never throws.
bool put(std::FILE* stream, std::string_view text) noexcept;

// One line on standard error, escaped. Its failure cannot be reported anywhere.
void say(std::string_view line) noexcept;

} // namespace kubestack::driver
