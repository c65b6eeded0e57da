// expect: RoleBinding .?.reader.?. grants Role .?.pod-reader.?., which namespace
// ..shop.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto account = serviceAccount("reader").inNamespace("shop");
    const auto reader = role("pod-reader")
                            .inNamespace("shop")
                            .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    return stack().apply(account, roleBinding("reader").role(reader).subject(account));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
