// expect: Deployment .?.web.?. container .?.web.?. has two ports named .?.http.?.
#include <kubestack.hpp>

using namespace kubestack;

// A part of a split stack (stack_part.hpp) is checked where it is compiled for the rules
// of single objects. The near miss, tests/split/api.cpp, is a part whose objects keep them.
constexpr Stack web_part() {
    return stack().apply(deployment("web").image("web:1").port("http", 80).port("http", 8080));
}

const StackPart<web_part> part; // <- error
