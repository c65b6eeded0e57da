// A Gadget built at compile time from the header the installed importer wrote.
#include <kubestack/crd/example.com/v1.hpp>

namespace gadgets = kubestack::crd::example_com::v1;

constexpr bool gadget_is_built() {
    gadgets::Gadget gadget;
    gadget.spec.emplace().mode = "safe";
    gadget.spec->port = "http";
    return gadget.spec->mode == "safe" && gadget.spec->port->is_text;
}
static_assert(gadget_is_built());
static_assert(gadgets::Gadget::resource == "gadgets" && !gadgets::Gadget::namespaced);

int main() {}
