#include "shop.hpp"

using namespace kubestack;

// The Service of a workload that no part applies: the error points at this line.
constexpr Stack orders() {
    return stack().apply(service(orders_api_v2));
}

const StackPart<orders> orders_part;
