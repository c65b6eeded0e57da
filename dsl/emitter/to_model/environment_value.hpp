// A value that the stack reads from the environment when the manifests are written.
#pragma once

#include "../to_model.hpp"

#include <kubestack/metadata.hpp>
#include <string_view>

namespace kubestack::emitter::to_model_detail {

// The variable's value (kept in the arena), else its default, else an error that names the
// variable and what needs it: `<kind> "<owner>" needs it for <key>`. A value that is not
// UTF-8 is an error too: YAML cannot hold it, and a reader would change it. Without a
// variable, the value itself.
std::string_view resolve(std::string_view value, std::string_view variable, bool required,
                         const ObjectMeta& owner, std::string_view kind, std::string_view key,
                         TextArena& arena);

} // namespace kubestack::emitter::to_model_detail
