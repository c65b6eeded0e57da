// A stack split over several source files (kubestack/stack_part.hpp): its parts, frozen by
// the compiler one file at a time, brought together, and checked for the whole-stack rules
// before anything is written.
#include "command_line.hpp"
#include "messages.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kubestack/run.hpp>
#include <kubestack/stack_part.hpp>
#include <kubestack/stack_rules.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kubestack::detail {
namespace {

struct Part {
    StackView stack;
    SourcePlace where;
};

// Filled while the program starts, by each part's StackPart variable.
std::vector<Part>& registered_parts() {
    static std::vector<Part> parts;
    return parts;
}

template <class Object>
struct ObjectsOf {
    std::vector<Object> value;
};

// The objects of the root, then of each part, by file: an order that does not depend on
// the order in which the linker placed the parts.
class MergedStack {
public:
    MergedStack(const StackView& root, SourcePlace root_place, std::vector<Part> parts)
        : target_(root.target())
        , target_chosen_(root.target_chosen())
        , policy_(root.policy()) {
        std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
            return std::string_view(a.where.file) < std::string_view(b.where.file);
        });
        reserve(root, parts);
        take(root);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            check_part(parts[i], root_place);
            for (std::size_t j = 0; j < i; ++j)
                if (same_objects(parts[i].stack, parts[j].stack)) same_name(parts[j], parts[i]);
            take(parts[i].stack);
        }
    }

    StackView view() const {
        return [&]<class... Kinds>(KindList<Kinds...>) {
            return StackView(target_,
                             StackView::Spans{{std::span<const Kinds>(lists_.get<Kinds>())}...},
                             policy_, target_chosen_);
        }(StackKinds{});
    }
    // The rules of parts: a part that sets what the root alone says, two parts that C++
    // takes for one.
    const std::vector<Violation>& part_violations() const { return part_violations_; }

private:
    // Each part numbers its objects and its apply steps from the start: the merged stack
    // applies the root's steps first, then each part's, part by part.
    // An object holds its lists inline (a Deployment weighs 60 KB), so copying them is most
    // of what merging costs: each is copied once, into lists sized beforehand.
    void reserve(const StackView& root, const std::vector<Part>& parts) {
        for_each_kind([&]<class Object>() {
            std::size_t count = root.all<Object>().size();
            for (const Part& part : parts)
                count += part.stack.all<Object>().size();
            lists_.get<Object>().reserve(count);
        });
    }
    void take(const StackView& from) {
        const int sequence_offset = next_sequence_;
        const int step_offset = next_step_;
        for_each_kind([&]<class Object>() {
            for (const Object& object : from.all<Object>()) {
                ObjectMeta& meta = lists_.get<Object>().emplace_back(object).metadata();
                meta.sequence += sequence_offset;
                meta.apply_step += step_offset;
                next_sequence_ = std::max(next_sequence_, meta.sequence + 1);
                next_step_ = std::max(next_step_, meta.apply_step);
            }
        });
    }
    void check_part(const Part& part, SourcePlace root_place) {
        const bool sets_target = part.stack.target_chosen();
        if (sets_target || part.stack.policy().chosen() || !part.stack.policy().waivers().empty())
            part_violations_.push_back(
                {StackRule::part_sets_whole_stack_option,
                 MessageText(fmt::format(
                     "a part sets {}, which the root stack alone says (run_split<...> at {}:{}): "
                     "move it into the root",
                     sets_target ? "the stack's target" : "a policy or a stack waiver",
                     root_place.file, root_place.line)),
                 part.where});
    }

    // Two parts whose functions have the same name, outside an anonymous namespace: C++
    // takes them for one function, and both parts register that one's objects.
    static bool same_objects(const StackView& a, const StackView& b) {
        bool same = false;
        for_each_kind([&]<class Object>() {
            same = same ||
                   (!a.all<Object>().empty() && a.all<Object>().data() == b.all<Object>().data());
        });
        return same;
    }
    void same_name(const Part& first, const Part& second) {
        part_violations_.push_back(
            {StackRule::parts_share_a_name,
             MessageText(fmt::format(
                 "this part and the one at {}:{} are made by functions of the same name, which "
                 "C++ takes for one function: rename one, or define each in an anonymous "
                 "namespace",
                 first.where.file, first.where.line)),
             second.where});
    }

    KubernetesVersion target_;
    bool target_chosen_;
    PolicySet policy_;
    PerKind<ObjectsOf, StackKinds> lists_;
    int next_sequence_ = 0;
    int next_step_ = 0;
    std::vector<Violation> part_violations_;
};

// `file:line: error: message`, as compilers write it, so that IDEs and CI annotate the line.
void report(const Violation& violation, SourcePlace fallback) {
    const SourcePlace where = violation.where.line != 0 ? violation.where : fallback;
    driver::say(fmt::format("{}:{}: error: {}", where.file, where.line,
                            std::string_view(violation.message)));
}

} // namespace

void register_part(const StackView& part, SourcePlace where) {
    registered_parts().push_back({part, where});
}

int run_split_stack(const StackView& root, SourcePlace where, int argc, const char* const* argv) {
    const MergedStack merged(root, where, registered_parts());
    const StackView stack = merged.view();
    // --help, and a command line to refuse, need no stack: the usage comes first.
    if (command_line_reads_the_stack(argc, argv)) {
        std::vector<Violation> violations = merged.part_violations();
        if (violations.empty()) violations = check_stack(stack);
        for (const Violation& violation : violations)
            report(violation, where);
        if (!violations.empty()) {
            driver::say(fmt::format("{}: {} whole-stack rule(s) broken across the stack's parts; "
                                    "nothing written",
                                    argc > 0 ? argv[0] : "stack", violations.size()));
            return 1;
        }
    }
    return run_command_line(stack, argc, argv);
}

} // namespace kubestack::detail
