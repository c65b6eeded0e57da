#include "commands.hpp"

#include "../driver/messages.hpp"
#include "../driver/output_directory.hpp"
#include "diff.hpp"

#include <cstdio>
#include <fmt/format.h>

namespace kubestack::review {
namespace {

using driver::put;
using driver::say;

struct Counts {
    int errors = 0;
    int warnings = 0;
};

Counts print_findings(const std::vector<FileReview>& reviews) {
    Counts counts;
    for (const FileReview& review : reviews) {
        for (const std::string& warning : review.warnings) {
            say(warning);
            ++counts.warnings;
        }
        for (const Finding& finding : review.findings) {
            // Not through say(): its values are already quoted, with C0 controls escaped.
            (void)put(stderr, to_line(finding) + "\n");
            ++(finding.severity == Severity::Error ? counts.errors : counts.warnings);
        }
    }
    return counts;
}

} // namespace

int print_diff(const std::string& directory, const std::vector<ManifestFile>& files) {
    const std::vector<FileReview> reviews = review_directory(directory, files);
    // Not a change --out makes, but what it leaves: kubectl apply -f DIR would apply it.
    const std::vector<std::string> strays = driver::stray_manifests(directory, files);
    const auto note_strays = [&] {
        for (const std::string& stray : strays)
            say(fmt::format("note: {}/{} is not written by this stack, and --out keeps it: "
                            "remove it if it is stale",
                            directory, stray));
    };
    if (reviews.empty()) {
        note_strays();
        return 0;
    }
    bool diff_written = true;
    for (const FileReview& review : reviews)
        diff_written = put(stdout, review.diff) && diff_written;
    // --check names these among its differences, and prints no more than the findings.
    for (const FileReview& review : reviews)
        if (!review.unusable.empty())
            say(fmt::format("{}/{}: {}", directory, review.file, review.unusable));
    const Counts counts = print_findings(reviews);
    for (const FileReview& review : reviews)
        for (const std::string& note : review.notes)
            say(note);
    note_strays();
    say(fmt::format("{} file(s) would change; {} error(s), {} warning(s){}", reviews.size(),
                    counts.errors, counts.warnings,
                    counts.errors > 0 ? ": kubectl apply will be rejected" : ""));
    if (!diff_written) say("cannot write the diff to standard output");
    return 1;
}

int print_immutable_changes(const std::string& directory, const std::vector<ManifestFile>& files) {
    return print_findings(review_directory(directory, files)).errors;
}

} // namespace kubestack::review
