// The command line of every stack binary: print the stream, write a directory, or check
// one. Exit status: 0 success, 1 differences or a failed write, 2 a bad command line.
#include "output_directory.hpp"

#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

std::string usage(std::string_view program, std::span<const NamedStack> clusters) {
    std::string text =
        fmt::format(R"(Usage: {0} [--cluster NAME] [--out DIR | --check DIR | --target]

Writes the Kubernetes manifests of this stack.

  (no option)     print every object as one YAML stream, in a safe apply order:
                    {0} | kubectl apply -f -
  --out DIR       write one file per manifest group, and a kustomization.yaml that
                  lists them in apply order, into the existing directory DIR.
                  Files are replaced only once all of them are written.
  --check DIR     compare DIR with what --out would write; name every file that
                  differs and exit 1 if any does
  --target        print the Kubernetes version the stack is written for
  --cluster NAME  the build of the stack to write (default: {1})
  -h, --help      show this help

Exit status: 0 success, 1 differences found or a write failed, 2 bad command line.
)",
                    program, clusters.front().name);
    text += "\nClusters:";
    for (const NamedStack& cluster : clusters)
        text += fmt::format(" {} (Kubernetes {}.{})", cluster.name, cluster.stack.target().major,
                            cluster.stack.target().minor);
    text += "\n";
    const std::vector<EnvironmentVariable> variables =
        environment_variables(clusters.front().stack);
    if (!variables.empty()) {
        text += "\nEnvironment variables read when writing:\n";
        for (const EnvironmentVariable& v : variables)
            text += fmt::format("  {:<30} {} ({})\n", v.name,
                                v.required ? std::string("required")
                                           : fmt::format("default: {}", v.fallback),
                                v.used_by);
    }
    return text;
}

enum class Mode { Stream, Write, Check, Target, Help };

struct Options {
    Mode mode = Mode::Stream;
    std::string directory;
    std::string cluster; // empty: the first
};

struct UsageError {
    std::string message;
};

Options parse(const std::vector<std::string_view>& args) {
    Options options;
    bool mode_given = false;
    const auto value_of = [&](std::size_t& i, std::string_view option, std::string_view what) {
        if (i + 1 == args.size() || args[i + 1].starts_with("-"))
            throw UsageError{fmt::format("{} needs {}", option, what)};
        return std::string(args[++i]);
    };
    const auto set_mode = [&](Mode mode) {
        if (mode_given) throw UsageError{"give only one of --out, --check and --target"};
        options.mode = mode;
        mode_given = true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "-h" || arg == "--help") {
            options.mode = Mode::Help;
            return options;
        } else if (arg == "--out" || arg == "--check") {
            set_mode(arg == "--out" ? Mode::Write : Mode::Check);
            options.directory = value_of(i, arg, "a directory");
        } else if (arg == "--target") {
            set_mode(Mode::Target);
        } else if (arg == "--cluster") {
            if (!options.cluster.empty()) throw UsageError{"give --cluster only once"};
            options.cluster = value_of(i, arg, "a cluster name");
        } else {
            throw UsageError{fmt::format("unknown option '{}'", arg)};
        }
    }
    return options;
}

const NamedStack& choose(std::span<const NamedStack> clusters, const std::string& name) {
    if (name.empty()) return clusters.front();
    std::string known;
    for (const NamedStack& cluster : clusters) {
        if (cluster.name == name) return cluster;
        known += fmt::format("{}{}", known.empty() ? "" : ", ", cluster.name);
    }
    throw UsageError{
        fmt::format("unknown cluster '{}' (this stack is built for: {})", name, known)};
}

int write_directory(const StackView& stack, const std::string& directory) {
    const driver::WriteReport report = driver::write_files(directory, render_files(stack));
    fmt::print(stderr, "{}: {} file(s) written, {} unchanged\n", directory, report.written.size(),
               report.unchanged.size());
    for (const std::string& stray : report.strays)
        fmt::print(stderr, "note: {}/{} is not written by this stack; remove it if it is stale\n",
                   directory, stray);
    return exit_ok;
}

int check_directory(const StackView& stack, const std::string& directory) {
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

int run_command_line(std::span<const NamedStack> clusters, int argc, const char* const* argv) {
    const std::string_view program = argc > 0 ? argv[0] : "stack";
    const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    try {
        const Options options = parse(args);
        if (options.mode == Mode::Help) {
            fmt::print("{}", usage(program, clusters));
            return exit_ok;
        }
        const StackView& stack = choose(clusters, options.cluster).stack;
        switch (options.mode) {
        case Mode::Target:
            fmt::print("{}.{}\n", stack.target().major, stack.target().minor);
            return exit_ok;
        case Mode::Write:
            return write_directory(stack, options.directory);
        case Mode::Check:
            return check_directory(stack, options.directory);
        default: {
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
        fmt::print(stderr, "{}: {}\n\n{}", program, error.message, usage(program, clusters));
        return exit_usage;
    } catch (const std::exception& error) {
        fmt::print(stderr, "{}: {}\n", program, error.what());
        return exit_failed;
    }
}

int run_command_line(const StackView& stack, int argc, const char* const* argv) {
    const NamedStack only[] = {{"default", stack}};
    return run_command_line(std::span<const NamedStack>(only), argc, argv);
}

} // namespace kubestack
