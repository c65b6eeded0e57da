// What the parts of the split guestbook share: the namespace that the root stack applies
// and that every part's objects are placed in.
#pragma once

#include <kubestack.hpp>

inline constexpr kubestack::Namespace guestbook_namespace = kubestack::namespace_("guestbook");
