// expect: Service .?.3d.?. needs a name that starts with a letter
#include <kubestack.hpp>

using namespace kubestack;

// service(app) takes the workload's name, which a Service may not have.
constexpr Stack broken() {
    const auto app = deployment("3d").image("render:1").port("http", 80);
    return stack().apply(app, service(app));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
