// expect: Service .?.mysql.?. has 2 ports, and port 3306 has no name
#include <kubestack.hpp>

using namespace kubestack;

constexpr Stack broken() {
    const auto mysql = deployment("mysql").image("mysql:8").port(3306).port("admin", 33062);
    return stack().apply(mysql, service(mysql));
}

int main(int argc, char** argv) {
    return run<broken>(argc, argv); // <- error
}
