#include "environment_value.hpp"

#include <cstdlib>
#include <kubestack/text.hpp>
#include <stdexcept>
#include <string>

namespace kubestack::emitter::to_model_detail {

std::string_view resolve(std::string_view value, std::string_view variable, bool required,
                         const ObjectMeta& owner, std::string_view kind, std::string_view key,
                         TextArena& arena) {
    if (variable.empty()) return value;
    const auto needed_for = [&] {
        return "; " + std::string(kind) + " \"" + std::string(owner.name) + "\" needs it for " +
               std::string(key);
    };
    if (const char* set = std::getenv(std::string(variable).c_str())) {
        if (!is_valid_utf8(set))
            throw std::runtime_error("environment variable " + std::string(variable) +
                                     " is not valid UTF-8" + needed_for());
        return arena.emplace_back(set);
    }
    if (!required) return value;
    throw std::runtime_error("environment variable " + std::string(variable) + " is not set" +
                             needed_for() + " (set it, or give it a default with orDefault(...))");
}

} // namespace kubestack::emitter::to_model_detail
