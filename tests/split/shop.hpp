// A split stack with a mistake that no part shows alone: the orders part exposes a
// workload that no part applies. Each part compiles; the build fails after the link.
#pragma once

#include <kubestack.hpp>

// Applied by api.cpp.
inline constexpr kubestack::Deployment orders_api =
    kubestack::deployment("orders-api").image("shop/orders:1.4").port("http", 8080);
// Renamed from orders-api, but the part that applies it was not changed: applied by none.
inline constexpr kubestack::Deployment orders_api_v2 =
    kubestack::deployment("orders-api-v2").image("shop/orders:2.0").port("http", 8080);
