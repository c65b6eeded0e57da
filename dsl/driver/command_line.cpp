// The command line of every stack binary: print the stream, write a directory, or check
// one. Exit status: 0 success, 1 differences or a failed write, 2 a bad command line.
#include "command_line.hpp"

#include "../graph/graph.hpp"
#include "../review/commands.hpp"
#include "messages.hpp"
#include "output_directory.hpp"
#include "policy_report.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace kubestack {
namespace {

using driver::printable;
using driver::put;
using driver::say;

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

// The one cluster of a binary built from one stack, which --cluster may name.
constexpr std::string_view single_stack_cluster = "default";

// A closed standard descriptor would be taken by the first file opened, and messages
// would then land in a manifest. Occupy it with a read-only /dev/null instead, so that
// writing to it fails as writing to a closed one does.
void occupy_closed_standard_descriptors() noexcept {
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) == -1 && ::open("/dev/null", O_RDONLY) == -1) return;
}

std::string usage(std::string_view program, std::span<const NamedStack> clusters) {
    std::string text = fmt::format(
        R"(Usage: {0} [--cluster NAME] [--out|--check|--diff DIR | --graph | --policy | --target
          | --check-rules]

Writes the Kubernetes manifests of this stack.

  (no option)     print every object as one YAML stream, in a safe apply order:
                    {0} | kubectl apply -f -
  --out DIR       write one file per manifest group, and a kustomization.yaml that
                  lists them in apply order, into the existing directory DIR:
                  all or nothing, other files in DIR kept (see the README)
  --check DIR     compare DIR with what --out would write; name every file that
                  differs, and every change to a field Kubernetes makes immutable
                  (error: apply will be rejected, warning: it replaces part of the
                  object), and exit 1 if any file differs
  --diff DIR      print a unified diff, object by object in apply order, of what
                  --out would change in DIR, with the same error:/warning: lines;
                  exit 1 if anything would change, 0 (printing nothing) if not
  --graph         print the stack as a Graphviz DOT graph, by namespace, with an
                  edge per reference:  {0} --graph | dot -Tsvg > stack.svg
  --policy        list the policy checks the stack selects (kubestack/policy.hpp),
                  and every check it waives, with the reason written in the source
  --target        print the Kubernetes version the stack is written for
  --check-rules   check the whole-stack rules and print nothing else: for a stack
                  split over several files, which the compiler cannot check whole,
                  `file:line: error:` for each broken rule, and exit 1 (the build
                  runs it after the link)
  --cluster NAME  the build of the stack to write (default: {1})
  -h, --help      show this help

Exit status: 0 success, 1 differences found or a write failed, 2 bad command line.
)",
        program, clusters.front().name);
    text += "\nClusters:";
    for (const NamedStack& cluster : clusters)
        text += fmt::format(" {} (Kubernetes {}.{})", cluster.name, cluster.stack.target().major,
                            cluster.stack.target().minor);
    text += "\n" + driver::policy_summary(clusters.front().stack);
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

enum class Mode { Stream, Write, Check, Diff, Graph, Policy, Target, CheckRules, Help };

struct Options {
    Mode mode = Mode::Stream;
    std::string directory;
    std::optional<std::string> cluster; // none: the first
};

struct UsageError {
    std::string message;
};

Options parse(const std::vector<std::string_view>& args) {
    Options options;
    bool mode_given = false;
    // A value that starts with '-' is most likely a forgotten value followed by an option.
    // An empty cluster name goes on, to be refused as an unknown cluster.
    const auto value_of = [&](std::size_t& i, std::string_view option, std::string_view what) {
        const bool directory = option != "--cluster";
        if (i + 1 == args.size() || (args[i + 1].empty() && directory))
            throw UsageError{fmt::format("{} needs {}", option, what)};
        if (args[i + 1].starts_with("-"))
            throw UsageError{fmt::format("{} needs {}, not the option-like '{}'{}", option, what,
                                         args[i + 1],
                                         directory ? fmt::format(" (write ./{} for a directory "
                                                                 "of that name)",
                                                                 args[i + 1])
                                                   : "")};
        return std::string(args[++i]);
    };
    const auto set_mode = [&](Mode mode) {
        if (mode_given)
            throw UsageError{
                "give only one of --out, --check, --diff, --graph, --policy, --target and "
                "--check-rules"};
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
        } else if (arg == "--diff") {
            set_mode(Mode::Diff);
            options.directory = value_of(i, arg, "a directory");
        } else if (arg == "--graph") {
            set_mode(Mode::Graph);
        } else if (arg == "--policy") {
            set_mode(Mode::Policy);
        } else if (arg == "--check-rules") {
            set_mode(Mode::CheckRules);
        } else if (arg == "--target") {
            set_mode(Mode::Target);
        } else if (arg == "--cluster") {
            if (options.cluster) throw UsageError{"give --cluster only once"};
            options.cluster = value_of(i, arg, "a cluster name");
        } else if (!arg.starts_with("-")) {
            throw UsageError{fmt::format("unexpected argument '{}': a directory follows --out, "
                                         "--check or --diff",
                                         arg)};
        } else {
            throw UsageError{fmt::format("unknown option '{}'", arg)};
        }
    }
    return options;
}

const NamedStack& choose(std::span<const NamedStack> clusters,
                         const std::optional<std::string>& name) {
    if (!name) return clusters.front();
    std::string known;
    for (const NamedStack& cluster : clusters) {
        if (cluster.name == *name) return cluster;
        known += fmt::format("{}{}", known.empty() ? "" : ", ", cluster.name);
    }
    throw UsageError{
        fmt::format("unknown cluster '{}' (this stack is built for: {})", *name, known)};
}

int write_directory(const StackView& stack, const std::string& directory) {
    const driver::WriteReport report = driver::write_files(directory, render_files(stack));
    // The files are written and synced: a summary that cannot be shown does not undo that.
    say(fmt::format("{}: {} file(s) written, {} unchanged", directory, report.written.size(),
                    report.unchanged.size()));
    for (const std::string& leftover : report.leftovers_removed)
        say(fmt::format("note: removed {}, left over from an interrupted --out", leftover));
    for (const std::string& stray : report.strays)
        say(fmt::format("note: {}/{} is not written by this stack; remove it if it is stale",
                        directory, stray));
    for (const std::string& secret : report.readable_secrets)
        say(fmt::format("note: {}/{} holds Secret data that other local users can read: "
                        "chmod 600 it (--out keeps a file's mode)",
                        directory, secret));
    for (const std::string& secret : report.narrowed_secrets)
        say(fmt::format("note: {}/{} holds new Secret data: written without the group's and "
                        "others' access its mode gave them",
                        directory, secret));
    if (!report.cleanup_failure.empty())
        say(fmt::format("note: the previous content stays in {}; the next --out removes it",
                        report.cleanup_failure));
    return exit_ok;
}

int check_directory(const StackView& stack, const std::string& directory) {
    const std::vector<ManifestFile> files = render_files(stack);
    const std::vector<driver::Difference> differences = driver::compare_files(directory, files);
    for (const driver::Difference& d : differences)
        say(fmt::format("{}/{}: {}", directory, d.file, d.reason));
    if (differences.empty()) return exit_ok;
    review::print_immutable_changes(directory, files);
    const auto fixed = std::count_if(differences.begin(), differences.end(),
                                     [](const driver::Difference& d) { return d.fixed_by_out; });
    const auto in_the_way = static_cast<std::ptrdiff_t>(differences.size()) - fixed;
    if (fixed > 0)
        say(fmt::format("{} file(s) out of date: run the stack with --out {} to refresh them",
                        fixed, directory));
    if (in_the_way > 0)
        say(fmt::format("{} entr{} that --out does not remove: remove {} as said above", in_the_way,
                        in_the_way == 1 ? "y" : "ies", in_the_way == 1 ? "it" : "them"));
    return exit_failed;
}

} // namespace

bool command_line_reads_the_stack(int argc, const char* const* argv) {
    const NamedStack only[] = {{single_stack_cluster, StackView{}}};
    try {
        const Options options = parse({argv + (argc > 0 ? 1 : 0), argv + argc});
        choose(only, options.cluster); // refuses a cluster other than the one
        return options.mode != Mode::Help;
    } catch (const UsageError&) {
        return false;
    }
}

int run_command_line(std::span<const NamedStack> clusters, int argc, const char* const* argv) {
    occupy_closed_standard_descriptors();
    const std::string_view program = argc > 0 ? argv[0] : "stack";
    const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    // What the user asked for goes to standard output; failing to write it is a failure.
    const auto output = [&](std::string_view text) {
        if (put(stdout, text)) return exit_ok;
        say(fmt::format("{}: cannot write to standard output", program));
        return exit_failed;
    };
    try {
        const Options options = parse(args);
        if (options.mode == Mode::Help) return output(usage(printable(program), clusters));
        const NamedStack& chosen = choose(clusters, options.cluster);
        const StackView& stack = chosen.stack;
        switch (options.mode) {
        case Mode::CheckRules:
            // The compiler checked this stack; a split stack is checked before it gets here.
            return exit_ok;
        case Mode::Target:
            return output(fmt::format("{}.{}\n", stack.target().major, stack.target().minor));
        case Mode::Write:
            return write_directory(stack, options.directory);
        case Mode::Check:
            return check_directory(stack, options.directory);
        case Mode::Diff:
            return review::print_diff(options.directory, render_files(stack));
        case Mode::Policy:
            return output(driver::policy_report(stack));
        case Mode::Graph:
            return output(
                graph::stack_graph(stack, fmt::format("{} (Kubernetes {}.{})", chosen.name,
                                                      stack.target().major, stack.target().minor)));
        default:
            return output(render_stream(stack));
        }
    } catch (const UsageError& error) {
        say(fmt::format("{}: {}", program, error.message));
        try {
            (void)put(stderr, "\n" + usage(printable(program), clusters));
        } catch (...) {
        }
        return exit_usage;
    } catch (const std::exception& error) {
        say(fmt::format("{}: {}", program, error.what()));
        return exit_failed;
    } catch (...) {
        say(fmt::format("{}: unexpected error", program));
        return exit_failed;
    }
}

int run_command_line(const StackView& stack, int argc, const char* const* argv) {
    const NamedStack only[] = {{single_stack_cluster, stack}};
    return run_command_line(std::span<const NamedStack>(only), argc, argv);
}

} // namespace kubestack
