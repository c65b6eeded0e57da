// expect: Service .?.poll.?. is declared more than once in namespace .?.default.?.
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto poll = deployment("poll").port("http", 80);
    return stack().apply(poll, service(poll)).apply(service(poll));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
