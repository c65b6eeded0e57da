// The entry point of a stack's binary:
//
//     constexpr kubestack::Stack my_stack() { ... }
//     int main(int argc, char** argv) { return kubestack::run<my_stack>(argc, argv); }
//
// run<> makes the compiler build the stack in a constant expression, which is where
// every rule is checked, then hands the stack to the command-line driver. The driver
// and the YAML emitter are compiled once, in the kubestack::driver library, so this
// header stays light and a stack's translation unit rebuilds fast.
#pragma once

#include <concepts>
#include <cstddef>
#include <kubestack/stack.hpp>

namespace kubestack {

// Implemented in the kubestack::driver library (dsl/driver/command_line.cpp).
int run_command_line(const Stack& stack, int argc, const char* const* argv);

template <auto make_stack>
requires std::same_as<decltype(make_stack()), Stack>
int run(int argc, char** argv) {
    // Evaluated by the compiler: a broken rule anywhere in the stack stops the build here.
    constexpr std::size_t object_count = make_stack().size();
    static_assert(object_count > 0, "the stack declares no object: call apply(...) on it");
    return run_command_line(make_stack(), argc, argv);
}

} // namespace kubestack
