// Values read from the environment when the manifests are written.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <string>
#include <unistd.h>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace kubestack;
namespace fs = std::filesystem;

namespace {

constexpr Stack with_secrets() {
    const auto credentials =
        secret("db")
            .data("PASSWORD", environment("KUBESTACK_TEST_PASSWORD"))
            .data("USER", environment("KUBESTACK_TEST_USER").orDefault("admin"));
    return stack().apply(
        credentials,
        deployment("api").env("TOKEN", environment("KUBESTACK_TEST_TOKEN").orDefault("none")));
}

std::string secret_value(const std::string& key) {
    return YAML::Load(render_documents(with_secrets()).front().yaml)["stringData"][key]
        .as<std::string>();
}

int run(const std::string& directory) {
    const char* argv[] = {"stack", "--out", directory.c_str()};
    return run_command_line(with_secrets(), 3, argv);
}

} // namespace

TEST_CASE("a variable's value is written, else its default", "[environment]") {
    ::setenv("KUBESTACK_TEST_PASSWORD", "s3cret", 1);
    ::unsetenv("KUBESTACK_TEST_USER");
    CHECK(secret_value("PASSWORD") == "s3cret");
    CHECK(secret_value("USER") == "admin");
    ::setenv("KUBESTACK_TEST_USER", "5432", 1);
    CHECK(secret_value("USER") == "5432"); // quoted like any other value
    ::unsetenv("KUBESTACK_TEST_USER");
    ::unsetenv("KUBESTACK_TEST_PASSWORD");
}

TEST_CASE("a missing required variable is an error that names it, and nothing is written",
          "[environment]") {
    ::unsetenv("KUBESTACK_TEST_PASSWORD");
    CHECK_THROWS_WITH(render_files(with_secrets()),
                      Catch::Contains("environment variable KUBESTACK_TEST_PASSWORD is not set") &&
                          Catch::Contains(R"(Secret "db" needs it for PASSWORD)"));
    const fs::path out =
        fs::temp_directory_path() / ("kubestack-env-" + std::to_string(::getpid()));
    fs::create_directories(out);
    CHECK(run(out.string()) == 1);
    CHECK(fs::is_empty(out));
    ::setenv("KUBESTACK_TEST_PASSWORD", "s3cret", 1);
    CHECK(run(out.string()) == 0);
    CHECK_FALSE(fs::is_empty(out));
    ::unsetenv("KUBESTACK_TEST_PASSWORD");
    fs::remove_all(out);
}

TEST_CASE("the stack declares the variables it reads", "[environment]") {
    const std::vector<EnvironmentVariable> variables = environment_variables(with_secrets());
    REQUIRE(variables.size() == 3);
    CHECK(variables[0].name == "KUBESTACK_TEST_PASSWORD");
    CHECK(variables[0].required);
    CHECK(variables[1].fallback == "admin");
    CHECK_FALSE(variables[1].required);
    CHECK(variables[2].used_by == R"(Deployment "api" env TOKEN)");
}
