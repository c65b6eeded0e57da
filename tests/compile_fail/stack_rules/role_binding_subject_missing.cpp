// expect: RoleBinding .?.reader.?. grants its role to ServiceAccount .?.reader.?.,
// which namespace ..ci.. does not have
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto account = serviceAccount("reader").inNamespace("ci");
    const auto reader = role("pod-reader")
                            .inNamespace("shop")
                            .rule({.apiGroups = {""}, .resources = {"pods"}, .verbs = {"get"}});
    return stack().apply(reader, roleBinding("reader").role(reader).subject(account));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
