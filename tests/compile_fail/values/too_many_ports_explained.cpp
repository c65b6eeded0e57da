// expect: list_is_full_see_kubestack_limits_hpp
// flags: -DKUBESTACK_EXPLAIN_STACK
// limits: off: the explanation is GCC's trace of the evaluation, a debugging aid.
#include <kubestack.hpp>

using namespace kubestack;

// limits::ports is 16: the seventeenth port does not fit.
constexpr Stack broken() {
    return stack().apply(deployment("many")
                             .port("p1", 1)
                             .port("p2", 2)
                             .port("p3", 3)
                             .port("p4", 4)
                             .port("p5", 5)
                             .port("p6", 6)
                             .port("p7", 7)
                             .port("p8", 8)
                             .port("p9", 9)
                             .port("p10", 10)
                             .port("p11", 11)
                             .port("p12", 12)
                             .port("p13", 13)
                             .port("p14", 14)
                             .port("p15", 15)
                             .port("p16", 16)
                             .port("p17", 17));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
