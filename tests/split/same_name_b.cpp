#include "shop.hpp"

using namespace kubestack;

// The other team() (same_name_a.cpp says why).
constexpr Stack team() {
    return stack().apply(serviceAccount("team-b"));
}

const StackPart<team> team_b_part;
