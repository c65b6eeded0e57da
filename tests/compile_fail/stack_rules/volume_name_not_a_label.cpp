// expect: Deployment .?.db.?. mounts .?.init.scripts.?. as a volume, but a volume name must be a
// label
#include <kubestack.hpp>

using namespace kubestack;

// The pod volume takes the ConfigMap's name, which has a dot.
constexpr Stack broken() {
    const auto scripts = configMap("init.scripts").data("a.sql", "SELECT 1;");
    return stack().apply(scripts, deployment("db").image("postgres:16").mount(scripts, "/init"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
