// A longest-common-subsequence diff: the common head and tail are cut first, so the table
// only spans the changed middle, which for a manifest is a few lines.
#include "unified_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace kubestack::review {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

namespace {

enum class Op : char { Same = ' ', Removed = '-', Added = '+' };

struct Step {
    Op op;
    std::size_t before; // index in before (Same, Removed)
    std::size_t after;  // index in after (Same, Added)
};

std::vector<Step> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;

    // lcs[i][j]: the longest common subsequence of a's middle from i and b's from j.
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
        return lcs[i * (m + 1) + j];
    };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));

    std::vector<Step> steps;
    for (std::size_t k = 0; k < head; ++k)
        steps.push_back({Op::Same, k, k});
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[head + i] == b[head + j]) {
            steps.push_back({Op::Same, head + i++, head + j++});
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            steps.push_back({Op::Added, head + i, head + j++});
        } else {
            steps.push_back({Op::Removed, head + i++, head + j});
        }
    }
    for (std::size_t k = 0; k < tail; ++k)
        steps.push_back({Op::Same, head + n + k, head + m + k});
    // Within a run of changes, removals first, as diff -u writes them, each side in its
    // order. (Not std::stable_partition: libstdc++ 12's calls its deprecated
    // get_temporary_buffer, which clang reports as an error with -Werror.)
    std::vector<Step> run;
    for (std::size_t s = 0; s < steps.size();) {
        std::size_t e = s;
        while (e < steps.size() && steps[e].op != Op::Same)
            ++e;
        run.clear();
        for (std::size_t k = s; k < e; ++k)
            if (steps[k].op == Op::Removed) run.push_back(steps[k]);
        for (std::size_t k = s; k < e; ++k)
            if (steps[k].op != Op::Removed) run.push_back(steps[k]);
        std::copy(run.begin(), run.end(), steps.begin() + static_cast<std::ptrdiff_t>(s));
        s = e == s ? s + 1 : e;
    }
    // Renumber: a removal moved before an addition sits at the addition's place in `after`.
    std::size_t in_before = 0, in_after = 0;
    for (Step& step : steps) {
        step.before = in_before;
        step.after = in_after;
        in_before += step.op != Op::Added ? 1 : 0;
        in_after += step.op != Op::Removed ? 1 : 0;
    }
    return steps;
}

std::string range(std::size_t first, std::size_t count) {
    // diff -u numbers an empty range by the line before it.
    return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

} // namespace

std::string unified_hunks(const std::vector<std::string_view>& before, std::size_t before_first,
                          const std::vector<std::string_view>& after, std::size_t after_first,
                          std::size_t context) {
    const std::vector<Step> steps = edit_script(before, after);
    std::string out;
    std::size_t s = 0;
    while (s < steps.size()) {
        if (steps[s].op == Op::Same) {
            ++s;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is at most 2 * context unchanged lines from the previous one.
        const std::size_t start = s >= context ? s - context : 0;
        std::size_t end = s;
        for (std::size_t k = s; k < steps.size(); ++k) {
            if (steps[k].op == Op::Same) {
                if (k - end >= 2 * context) break;
            } else {
                end = k + 1;
            }
        }
        const std::size_t stop = std::min(steps.size(), end + context);
        std::size_t before_count = 0, after_count = 0;
        for (std::size_t k = start; k < stop; ++k) {
            before_count += steps[k].op != Op::Added ? 1 : 0;
            after_count += steps[k].op != Op::Removed ? 1 : 0;
        }
        out += "@@ -" + range(before_first + steps[start].before, before_count) + " +" +
               range(after_first + steps[start].after, after_count) + " @@\n";
        for (std::size_t k = start; k < stop; ++k) {
            out += static_cast<char>(steps[k].op);
            out += steps[k].op == Op::Added ? after[steps[k].after] : before[steps[k].before];
            out += '\n';
        }
        s = stop;
    }
    return out;
}

} // namespace kubestack::review
