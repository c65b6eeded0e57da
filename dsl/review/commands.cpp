#include "commands.hpp"

#include "../driver/messages.hpp"
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
    if (reviews.empty()) return 0;
    bool diff_written = true;
    for (const FileReview& review : reviews)
        diff_written = put(stdout, review.diff) && diff_written;
    const Counts counts = print_findings(reviews);
    for (const FileReview& review : reviews)
        for (const std::string& note : review.notes)
            say(note);
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
