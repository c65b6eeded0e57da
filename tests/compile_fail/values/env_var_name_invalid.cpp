// expect: env_var_name_must_be_letters_digits_underscores_dashes_or_dots_not_starting_with_a_digit
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(deployment("poll").env("1PORT", "80")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
