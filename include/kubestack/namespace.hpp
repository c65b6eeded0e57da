// Namespaces that the stack creates. The built-in ones (default, kube-system,
// kube-public) exist on every cluster and need no object.
#pragma once

#include <kubestack/metadata.hpp>

namespace kubestack {

class Namespace : public Resource<Namespace, Scope::Cluster> {
public:
    constexpr explicit Namespace(DnsLabel name)
        : Resource(name) {}
};

// The trailing underscore because `namespace` is a C++ keyword.
constexpr Namespace namespace_(DnsLabel name, SourcePlace where = SourcePlace::here()) {
    return detail::written_at(Namespace(name), where);
}

} // namespace kubestack
