#include "commands.hpp"

#include "diff.hpp"

#include <cstdio>
#include <fmt/format.h>

namespace kubestack::review {
namespace {

struct Counts {
    int errors = 0;
    int warnings = 0;
};

Counts print_findings(const std::vector<FileReview>& reviews) {
    Counts counts;
    for (const FileReview& review : reviews) {
        for (const std::string& warning : review.warnings) {
            fmt::print(stderr, "{}\n", warning);
            ++counts.warnings;
        }
        for (const Finding& finding : review.findings) {
            fmt::print(stderr, "{}\n", to_line(finding));
            ++(finding.severity == Severity::Error ? counts.errors : counts.warnings);
        }
    }
    return counts;
}

} // namespace

int print_diff(const std::string& directory, const std::vector<ManifestFile>& files) {
    const std::vector<FileReview> reviews = review_directory(directory, files);
    if (reviews.empty()) return 0;
    for (const FileReview& review : reviews)
        fmt::print("{}", review.diff);
    std::fflush(stdout);
    const Counts counts = print_findings(reviews);
    for (const FileReview& review : reviews)
        for (const std::string& note : review.notes)
            fmt::print(stderr, "{}\n", note);
    fmt::print(stderr, "{} file(s) would change; {} error(s), {} warning(s){}\n", reviews.size(),
               counts.errors, counts.warnings,
               counts.errors > 0 ? ": kubectl apply will be rejected" : "");
    return 1;
}

int print_immutable_changes(const std::string& directory, const std::vector<ManifestFile>& files) {
    return print_findings(review_directory(directory, files)).errors;
}

} // namespace kubestack::review
