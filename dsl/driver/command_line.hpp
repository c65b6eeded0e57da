// What the driver's command line asks for, for the code that runs before it.
#pragma once

namespace kubestack {

// False for --help, and for a command line that the driver refuses with its usage: neither
// needs the stack, so a split stack (split_stack.cpp) skips checking its rules for them.
bool command_line_reads_the_stack(int argc, const char* const* argv);

} // namespace kubestack
