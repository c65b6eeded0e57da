// The command line of every stack binary: print the stream, write a directory, or check
// one. Exit status: 0 success, 1 differences or a failed write, 2 a bad command line.
#include "output_directory.hpp"

#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

std::string usage(std::string_view program) {
    return fmt::format(R"(Usage: {0} [--out DIR | --check DIR]

Writes the Kubernetes manifests of this stack.

  (no option)    print every object as one YAML stream, in a safe apply order:
                   {0} | kubectl apply -f -
  --out DIR      write one file per manifest group, and a kustomization.yaml that
                 lists them in apply order, into the existing directory DIR.
                 Files are replaced only once all of them are written.
  --check DIR    compare DIR with what --out would write; name every file that
                 differs and exit 1 if any does
  -h, --help     show this help

Exit status: 0 success, 1 differences found or a write failed, 2 bad command line.
)",
                       program);
}

enum class Mode { Stream, Write, Check, Help };

struct Options {
    Mode mode = Mode::Stream;
    std::string directory;
};

struct UsageError {
    std::string message;
};

Options parse(const std::vector<std::string_view>& args) {
    Options options;
    bool mode_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "-h" || arg == "--help") return {Mode::Help, {}};
        if (arg != "--out" && arg != "--check")
            throw UsageError{fmt::format("unknown option '{}'", arg)};
        if (mode_given) throw UsageError{"give only one of --out and --check"};
        if (i + 1 == args.size() || args[i + 1].starts_with("-"))
            throw UsageError{fmt::format("{} needs a directory", arg)};
        options.mode = arg == "--out" ? Mode::Write : Mode::Check;
        options.directory = args[++i];
        mode_given = true;
    }
    return options;
}

int write_directory(const Stack& stack, const std::string& directory) {
    const driver::WriteReport report = driver::write_files(directory, render_files(stack));
    fmt::print(stderr, "{}: {} file(s) written, {} unchanged\n", directory, report.written.size(),
               report.unchanged.size());
    for (const std::string& stray : report.strays)
        fmt::print(stderr, "note: {}/{} is not written by this stack; remove it if it is stale\n",
                   directory, stray);
    return exit_ok;
}

int check_directory(const Stack& stack, const std::string& directory) {
    const std::vector<driver::Difference> differences =
        driver::compare_files(directory, render_files(stack));
    for (const driver::Difference& d : differences)
        fmt::print(stderr, "{}/{}: {}\n", directory, d.file, d.reason);
    if (differences.empty()) return exit_ok;
    fmt::print(stderr, "{} file(s) out of date: run the stack with --out {} to refresh them\n",
               differences.size(), directory);
    return exit_failed;
}

} // namespace

int run_command_line(const Stack& stack, int argc, const char* const* argv) {
    const std::string_view program = argc > 0 ? argv[0] : "stack";
    const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    try {
        const Options options = parse(args);
        switch (options.mode) {
        case Mode::Help:
            fmt::print("{}", usage(program));
            return exit_ok;
        case Mode::Write:
            return write_directory(stack, options.directory);
        case Mode::Check:
            return check_directory(stack, options.directory);
        case Mode::Stream: {
            const std::string stream = render_stream(stack);
            if (std::fwrite(stream.data(), 1, stream.size(), stdout) != stream.size() ||
                std::fflush(stdout) != 0) {
                fmt::print(stderr, "{}: cannot write to standard output\n", program);
                return exit_failed;
            }
            return exit_ok;
        }
        }
    } catch (const UsageError& error) {
        fmt::print(stderr, "{}: {}\n\n{}", program, error.message, usage(program));
        return exit_usage;
    } catch (const std::exception& error) {
        fmt::print(stderr, "{}: {}\n", program, error.what());
        return exit_failed;
    }
    return exit_failed;
}

} // namespace kubestack
