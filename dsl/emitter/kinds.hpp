// The apiVersion an object is written in. The facts of each kind are in
// kubestack/stack_kinds.hpp.
#pragma once

#include <kubestack/stack_kinds.hpp>
#include <string_view>

namespace kubestack::emitter {

// Its kind's, or the one it chose (an Ingress as extensions/v1beta1).
template <class Object>
constexpr std::string_view api_version_of(const Object& object) {
    return served_versions_of(object).api_version;
}

} // namespace kubestack::emitter
