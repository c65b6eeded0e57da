// expect: Service .?.web.?. selects app=api
// Every cluster a stack is built for goes through the rules, not only the first.
#include <kubestack.hpp>

using namespace kubestack;

template <bool typo>
constexpr Stack web() {
    const auto app = deployment("web").image("web:1").port("http", 80);
    return stack().apply(
        app, service("web").selector("app", typo ? "api" : "web").port("http", 80, "http"));
}

int main(int argc, char** argv) {
    return run<cluster<"prod", web<false>>, cluster<"dev", web<true>>>(argc, argv); // <- error
}
