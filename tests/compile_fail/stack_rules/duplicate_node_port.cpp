// expect: NodePort 30021 is opened by both Service .?.poll.?. and Service
// ..result..
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    const auto result = deployment("result").port("http", 80);
    return stack().apply(poll, result, service(poll).nodePort("http", 30021),
                         service(result).nodePort("http", 30021));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
