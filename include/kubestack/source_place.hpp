// Where an object was written: the file and line of its builder's call in the user's
// source, such as deployment("web"). Whole-stack rules that the compiler cannot check,
// those that cross the parts of a split stack (stack_part.hpp), report there.
#pragma once

#include <source_location>

namespace kubestack {

struct SourcePlace {
    const char* file = nullptr; // as the compiler was given it; null where unknown
    unsigned line = 0;

    // As a default argument, the place of the call that omits it.
    static constexpr SourcePlace
    here(std::source_location where = std::source_location::current()) {
        return {where.file_name(), static_cast<unsigned>(where.line())};
    }
    constexpr bool known() const { return file != nullptr; }
};

} // namespace kubestack
