// expect: Deployment .?.shipper.?. mounts volume .?.log.?. at /logs, which its pod
// does not define
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        deployment("shipper").volume(hostPath("logs", "/var/log")).mount("log", "/logs"));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
