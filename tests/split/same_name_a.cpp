#include "shop.hpp"

using namespace kubestack;

// Two files, two functions of one name outside an anonymous namespace: C++ takes them for
// one function, so the build must say so rather than lose one part's objects.
constexpr Stack team() {
    return stack().apply(serviceAccount("team-a"));
}

const StackPart<team> team_a_part;
