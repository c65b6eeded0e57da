#include "shop.hpp"

using namespace kubestack;

constexpr Stack orders_backend() {
    return stack().apply(orders_api, service(orders_api));
}

const StackPart<orders_backend> orders_backend_part;
