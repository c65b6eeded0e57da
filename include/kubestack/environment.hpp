// Values read from the environment when the stack's binary runs, for what must not live
// in the repository, such as passwords:
//
//     secret("postgres").data("POSTGRES_PASSWORD", environment("POSTGRES_PASSWORD"))
//     secret("postgres").data("POSTGRES_USER", environment("POSTGRES_USER").orDefault("postgres"))
//
// A variable without a default is required: if it is unset, the binary names it, exits
// with an error and writes nothing. `stack --help` lists the variables a stack reads.
#pragma once

#include <kubestack/env.hpp>
#include <kubestack/text.hpp>
#include <string_view>

namespace kubestack {

struct FromEnvironment {
    std::string_view variable;
    std::string_view fallback;
    bool required = true;
    detail::RuleRecord broken = {}; // the object or container it goes to takes it over

    constexpr FromEnvironment orDefault(std::string_view value) const {
        FromEnvironment made{variable, value, false};
        if (!is_valid_utf8(value)) broken_rule::text_must_be_valid_utf8(made.broken);
        return made;
    }
};

constexpr FromEnvironment environment(EnvVarName variable) {
    return {variable, {}, true};
}

} // namespace kubestack
