#include "shop.hpp"

using namespace kubestack;

// A part that sets the stack's target, which only the root says.
constexpr Stack targeting() {
    return stack().targets("1.25").apply(serviceAccount("orders"));
}

const StackPart<targeting> targeting_part;
