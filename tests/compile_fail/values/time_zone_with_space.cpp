// expect: time_zone_must_be_an_iana_name_like_europe_slash_paris
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    return stack().apply(
        cronJob("backup").schedule("@daily").timeZone("Europe/ Paris")); // <- error
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv);
}
