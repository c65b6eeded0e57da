// What the driver's command line asks for, for the code that runs before it.
#pragma once

namespace kubestack {

// For a binary of one stack, such as a split stack's (split_stack.cpp): false for --help,
// and for a command line that the driver refuses with its usage (an unknown option, a
// missing value, a cluster other than the one). None needs the stack, so the split stack
// does not check its rules first.
bool command_line_reads_the_stack(int argc, const char* const* argv);

} // namespace kubestack
