// The guestbook of examples/guestbook, split over three files the way a team would split
// it: this root, the Redis backend (backend.cpp) and the PHP frontend (frontend.cpp). Each
// compiles on its own, and editing one rebuilds only that one. The binary writes the same
// manifests as the single-file guestbook, byte for byte (test `split.guestbook`).
#include "guestbook.hpp"

using namespace kubestack;

// What holds for the whole stack: here its namespace. A target, a policy and the stack's
// waivers would go here too.
constexpr Stack root() {
    return stack().apply(guestbook_namespace);
}

int main(int argc, char** argv) {
    return run_split<root>(argc, argv);
}
