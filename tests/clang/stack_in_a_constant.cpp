// A stack evaluated in a namespace-scope constant, as a test or a static_assert does,
// through every member function of Stack. Clang evaluates such a constant where it is
// written, so a member template whose body it has not parsed yet would be "undefined"
// there (it was, in withoutNamespaces()).
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack placed_by_kubectl() {
    const auto web = deployment("web").image("web:1").port("http", 8080);
    return stack().withoutNamespaces().targets("1.30").apply(web, service(web));
}

static_assert(placed_by_kubectl().size() == 2);
static_assert(placed_by_kubectl().all<Deployment>().front().metadata().namespace_left_to_kubectl);
static_assert(placed_by_kubectl().all<Service>().size() == 1);
static_assert(view_of(placed_by_kubectl()).all<Deployment>().size() == 1);

int main() {}
