// Pairs the objects of each changed file by kind, namespace and name, and diffs each pair
// on its own lines of the two files.
#include "diff.hpp"

#include "../driver/messages.hpp"
#include "../driver/output_directory.hpp"
#include "unified_diff.hpp"
#include "yaml_reader.hpp"

#include <fcntl.h>
#include <optional>
#include <stdexcept>

namespace kubestack::review {
namespace fs = std::filesystem;
namespace {

std::string identity(const YamlNode& root) {
    const auto text = [&](std::string_view path) {
        const YamlNode* node = root.at(path);
        return node && node->kind == YamlNode::Kind::Scalar ? node->text : std::string();
    };
    // Not the apiVersion: an object written in another version is still the same object.
    return text("kind") + "|" + text("metadata.namespace") + "|" + text("metadata.name");
}

std::vector<std::string_view> slice(const std::vector<std::string_view>& lines, std::size_t first,
                                    std::size_t count) {
    first = std::min(first, lines.size());
    count = std::min(count, lines.size() - first);
    return {lines.begin() + static_cast<std::ptrdiff_t>(first),
            lines.begin() + static_cast<std::ptrdiff_t>(first + count)};
}

std::string header(const std::string& path, const std::string& what) {
    // The path as the user typed it, which may hold control characters.
    const std::string shown = driver::printable(path);
    return "--- " + shown + "\t" + what + " (now)\n+++ " + shown + "\t" + what +
           " (as the stack writes it)\n";
}

void text_diff(FileReview& review, const std::string& path, std::string_view before,
               std::string_view after) {
    const std::string hunks = unified_hunks(lines_of(before), 0, lines_of(after), 0);
    if (!hunks.empty()) review.diff += header(path, "the file") + hunks;
}

} // namespace

std::vector<FileReview> review_directory(const fs::path& directory,
                                         const std::vector<ManifestFile>& files) {
    std::error_code error;
    const fs::file_status status = fs::status(directory, error);
    if (error) throw std::runtime_error(directory.string() + ": " + error.message());
    if (!fs::is_directory(status))
        throw std::runtime_error(directory.string() + ": Not a directory");
    std::vector<FileReview> reviews;
    for (const ManifestFile& file : files) {
        const std::string path = (directory / file.name).string();
        driver::ManifestOnDisk current = driver::read_manifest(AT_FDCWD, path);
        using State = driver::ManifestOnDisk::State;
        if (current.state == State::read && current.content == file.content) continue;
        FileReview review{file.name, {}, {}, {}, {}, {}};
        if (current.state == State::in_the_way || current.state == State::unreadable) {
            review.unusable = std::move(current.problem);
            reviews.push_back(std::move(review));
            continue;
        }
        const std::string before = std::move(current.content); // empty when missing

        std::vector<YamlDocument> old_documents, new_documents;
        try {
            new_documents = read_yaml_stream(file.content);
        } catch (const YamlReadError& e) {
            // The stack's own output: never expected, but the diff must still be shown.
            review.warnings.push_back("warning: " + file.name + ": cannot read what the stack " +
                                      "writes (" + e.what() + "): showing a text diff");
            text_diff(review, path, before, file.content);
            reviews.push_back(std::move(review));
            continue;
        }
        try {
            old_documents = read_yaml_stream(before);
        } catch (const YamlReadError& e) {
            review.warnings.push_back("warning: " + path + ": cannot read it as YAML (" + e.what() +
                                      "): showing a text diff, without the " +
                                      "immutable-field check");
            text_diff(review, path, before, file.content);
            reviews.push_back(std::move(review));
            continue;
        }

        const std::vector<std::string_view> old_lines = lines_of(before);
        const std::vector<std::string_view> new_lines = lines_of(file.content);
        std::vector<bool> matched(old_documents.size(), false);
        std::size_t old_cursor = 0; // where an added object goes in the old file
        for (const YamlDocument& added : new_documents) {
            const std::string key = identity(added.root);
            const YamlDocument* old = nullptr;
            for (std::size_t i = 0; i < old_documents.size() && !old; ++i)
                if (!matched[i] && identity(old_documents[i].root) == key) {
                    matched[i] = true;
                    old = &old_documents[i];
                }
            const std::vector<std::string_view> after =
                slice(new_lines, added.first_line, added.line_count);
            if (old) {
                old_cursor = old->first_line + old->line_count;
                if (same_value(old->root, added.root)) continue;
                review.diff += header(path, describe_object(added.root)) +
                               unified_hunks(slice(old_lines, old->first_line, old->line_count),
                                             old->first_line, after, added.first_line);
                for (Finding& f : immutable_changes(old->root, added.root))
                    review.findings.push_back(std::move(f));
            } else {
                review.diff += header(path, describe_object(added.root) + ", new") +
                               unified_hunks({}, old_cursor, after, added.first_line);
            }
        }
        for (std::size_t i = 0; i < old_documents.size(); ++i) {
            if (matched[i]) continue;
            const YamlDocument& gone = old_documents[i];
            review.diff += header(path, describe_object(gone.root) + ", dropped") +
                           unified_hunks(slice(old_lines, gone.first_line, gone.line_count),
                                         gone.first_line, {}, new_lines.size());
            review.notes.push_back("note: " + describe_object(gone.root) +
                                   " is no longer in the stack; kubectl apply leaves it in " +
                                   "the cluster (delete it, or use --prune)");
        }
        // Same objects, other text (a comment, the layout): show the text itself.
        if (review.diff.empty()) text_diff(review, path, before, file.content);
        reviews.push_back(std::move(review));
    }
    return reviews;
}

} // namespace kubestack::review
