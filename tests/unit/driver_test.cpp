// The command line of a stack binary, driven in-process on temporary directories.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kubestack;
namespace fs = std::filesystem;

namespace {

constexpr Stack small_stack() {
    const auto app = deployment("app").image("app:1").port("http", 8080);
    return stack().apply(configMap("app").data("PORT", "8080")).apply(app, service(app));
}

int run(std::initializer_list<std::string> args) {
    std::vector<std::string> storage{"stack"};
    storage.insert(storage.end(), args);
    std::vector<const char*> argv;
    for (const std::string& a : storage)
        argv.push_back(a.c_str());
    return run_command_line(small_stack(), static_cast<int>(argv.size()), argv.data());
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

struct TemporaryDirectory {
    fs::path path;
    TemporaryDirectory() {
        path = fs::temp_directory_path() / ("kubestack-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TemporaryDirectory() { fs::remove_all(path); }
};

std::vector<std::string> listing(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("out: writes one file per group and a kustomization", "[driver]") {
    TemporaryDirectory out;
    REQUIRE(run({"--out", out.path.string()}) == 0);
    CHECK(listing(out.path) == std::vector<std::string>{"app.configmap.yaml", "app.deployment.yaml",
                                                        "app.service.yaml", "kustomization.yaml"});
    for (const ManifestFile& f : render_files(small_stack()))
        CHECK(read(out.path / f.name) == f.content);
}

TEST_CASE("out: running it twice changes nothing", "[driver]") {
    TemporaryDirectory out;
    REQUIRE(run({"--out", out.path.string()}) == 0);
    const auto written = fs::last_write_time(out.path / "app.deployment.yaml");
    REQUIRE(run({"--out", out.path.string()}) == 0);
    CHECK(fs::last_write_time(out.path / "app.deployment.yaml") == written);
    CHECK(listing(out.path).size() == 4);
}

TEST_CASE("check: passes on a fresh directory and fails on drift", "[driver]") {
    TemporaryDirectory out;
    REQUIRE(run({"--out", out.path.string()}) == 0);
    CHECK(run({"--check", out.path.string()}) == 0);

    SECTION("a changed file") {
        write(out.path / "app.service.yaml", "edited by hand\n");
        CHECK(run({"--check", out.path.string()}) == 1);
    }
    SECTION("a missing file") {
        fs::remove(out.path / "kustomization.yaml");
        CHECK(run({"--check", out.path.string()}) == 1);
    }
    SECTION("a manifest the stack does not write") {
        write(out.path / "old.deployment.yaml", "kind: Deployment\n");
        CHECK(run({"--check", out.path.string()}) == 1);
    }
}

TEST_CASE("a failed write leaves the previous files intact and no temporary file", "[driver]") {
    TemporaryDirectory out;
    write(out.path / "app.deployment.yaml", "previous deployment\n");
    write(out.path / "app.service.yaml", "previous service\n");
    // The temporary file of the service cannot be created: a directory holds its name.
    fs::create_directory(out.path / (".app.service.yaml.tmp-" + std::to_string(::getpid())));
    CHECK(run({"--out", out.path.string()}) == 1);
    CHECK(read(out.path / "app.deployment.yaml") == "previous deployment\n");
    CHECK(read(out.path / "app.service.yaml") == "previous service\n");
    CHECK_FALSE(fs::exists(out.path / "app.configmap.yaml"));
    CHECK_FALSE(fs::exists(out.path / (".app.deployment.yaml.tmp-" + std::to_string(::getpid()))));
}

TEST_CASE("a missing directory or a file in its place is an error", "[driver]") {
    TemporaryDirectory out;
    CHECK(run({"--out", (out.path / "missing").string()}) == 1);
    write(out.path / "plain-file", "");
    CHECK(run({"--out", (out.path / "plain-file").string()}) == 1);
    CHECK(run({"--check", (out.path / "missing").string()}) == 1);
}

TEST_CASE("bad command lines exit 2", "[driver]") {
    CHECK(run({"--bogus"}) == 2);
    CHECK(run({"--out"}) == 2);
    CHECK(run({"--check"}) == 2);
    CHECK(run({"--out", "--check"}) == 2);
    CHECK(run({"--out", "a", "--check", "b"}) == 2);
    CHECK(run({"extra"}) == 2);
}

TEST_CASE("help: --help and -h exit 0", "[driver]") {
    CHECK(run({"--help"}) == 0);
    CHECK(run({"-h"}) == 0);
}
