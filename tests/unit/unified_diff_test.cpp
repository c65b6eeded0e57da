// Unified diffs of lines, numbered by their position in the files.
#include "review/unified_diff.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kubestack::review;

TEST_CASE("a changed line gives one hunk with three lines of context", "[review][diff]") {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    const std::string after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    CHECK(unified_hunks(lines_of(before), 0, lines_of(after), 0) ==
          "@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
    CHECK(unified_hunks(lines_of(before), 0, lines_of(before), 0).empty());
}

TEST_CASE("hunks are numbered from where the ranges start in their files", "[review][diff]") {
    CHECK(unified_hunks(lines_of("x\n"), 10, lines_of("y\n"), 20) == "@@ -11,1 +21,1 @@\n-x\n+y\n");
    CHECK(unified_hunks({}, 4, lines_of("new\n"), 0) == "@@ -4,0 +1,1 @@\n+new\n");
    CHECK(unified_hunks(lines_of("old\n"), 0, {}, 7) == "@@ -1,1 +7,0 @@\n-old\n");
}

TEST_CASE("changes far apart are separate hunks, near ones one hunk", "[review][diff]") {
    std::string before, far_after, near_after;
    for (int i = 0; i < 20; ++i) {
        const std::string line = std::to_string(i) + "\n";
        before += line;
        far_after += (i == 2 || i == 17) ? "changed\n" : line;
        near_after += (i == 2 || i == 8) ? "changed\n" : line;
    }
    const std::string far = unified_hunks(lines_of(before), 0, lines_of(far_after), 0);
    CHECK(far.find("@@ -1,6 +1,6 @@") != std::string::npos);
    CHECK(far.find("@@ -15,6 +15,6 @@") != std::string::npos);
    const std::string near = unified_hunks(lines_of(before), 0, lines_of(near_after), 0);
    CHECK(near.starts_with("@@ -1,12 +1,12 @@\n"));
    CHECK(near.find("\n@@") == std::string::npos);
}

TEST_CASE("insertions and removals keep the common lines", "[review][diff]") {
    CHECK(unified_hunks(lines_of("a\nb\nc\n"), 0, lines_of("a\nx\nb\nc\ny\n"), 0) ==
          "@@ -1,3 +1,5 @@\n a\n+x\n b\n c\n+y\n");
    CHECK(unified_hunks(lines_of("a\nb\nc\nd\n"), 0, lines_of("b\nc2\nd\n"), 0) ==
          "@@ -1,4 +1,3 @@\n-a\n b\n-c\n+c2\n d\n");
}
