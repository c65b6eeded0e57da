#include "shop.hpp"

using namespace kubestack;

constexpr Stack root() {
    return stack().targets("1.30");
}

int main(int argc, char** argv) {
    return run_split<root>(argc, argv);
}
