// The apiVersion an object is written in. The facts of each kind are in
// kubestack/stack_kinds.hpp.
#pragma once

#include <kubestack/stack_kinds.hpp>
#include <string_view>

namespace kubestack::emitter {

// The apiVersion an object is written in: its kind's, or the one an Ingress chose.
template <class Object>
constexpr std::string_view api_version_of(const Object&) {
    return kind_info<Object>.api_version;
}
constexpr std::string_view api_version_of(const Ingress& ingress) {
    return served_versions(ingress.api()).api_version;
}

} // namespace kubestack::emitter
