// The command line of a stack binary, driven in-process on temporary directories.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <kubestack/manifests.hpp>
#include <kubestack/run.hpp>
#include <sstream>
#include <string>
#include <sys/stat.h>
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

// What the call writes to standard error (file descriptor 2).
template <class Call>
std::string standard_error_of(Call call) {
    std::fflush(stderr);
    FILE* capture = std::tmpfile();
    const int saved = ::dup(2);
    ::dup2(::fileno(capture), 2);
    call();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::rewind(capture);
    std::string text;
    for (int c; (c = std::fgetc(capture)) != EOF;)
        text += static_cast<char>(c);
    std::fclose(capture);
    return text;
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

TEST_CASE("a target that cannot be replaced is refused before anything changes", "[driver]") {
    TemporaryDirectory out;
    write(out.path / "app.deployment.yaml", "previous deployment\n");
    const fs::perms mode = fs::status(out.path).permissions();
    SECTION("a directory where a file goes") {
        fs::create_directory(out.path / "app.service.yaml");
    }
    SECTION("a subdirectory, which cannot be carried over") {
        fs::create_directory(out.path / "notes");
    }
    SECTION("a symbolic link where a file goes") {
        fs::create_symlink("app.deployment.yaml", out.path / "app.service.yaml");
    }
    const std::vector<std::string> before = listing(out.path);
    CHECK(run({"--out", out.path.string()}) == 1);
    CHECK(listing(out.path) == before);
    CHECK(read(out.path / "app.deployment.yaml") == "previous deployment\n");
    CHECK(fs::status(out.path).permissions() == mode);
    for (const auto& entry : fs::directory_iterator(out.path.parent_path()))
        CHECK(entry.path().filename().string().find(out.path.filename().string() + ".kubestack-") ==
              std::string::npos);
}

namespace {

constexpr Stack stack_with_secret() {
    return stack()
        .apply(configMap("app").data("PORT", "8080"))
        .apply(secret("app").data("PASSWORD", "hunter2"));
}

int run_secret_stack(const fs::path& directory) {
    const std::string out = directory.string();
    const char* argv[] = {"stack", "--out", out.c_str()};
    return run_command_line(stack_with_secret(), 3, argv);
}

fs::perms mode_of(const fs::path& path) {
    return fs::symlink_status(path).permissions() & fs::perms::mask;
}

} // namespace

TEST_CASE("out: a Secret's file is readable by its owner only; files keep their mode", "[driver]") {
    TemporaryDirectory out;
    const mode_t umask_before = ::umask(022);
    REQUIRE(run_secret_stack(out.path) == 0);
    CHECK(mode_of(out.path / "app.secret.yaml") ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(mode_of(out.path / "app.configmap.yaml") ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));

    // A rewrite keeps the mode the user gave each file.
    fs::permissions(out.path / "app.configmap.yaml",
                    fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(out.path / "app.secret.yaml",
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    write(out.path / "app.configmap.yaml", "stale\n");
    write(out.path / "app.secret.yaml", "stale\n");
    REQUIRE(run_secret_stack(out.path) == 0);
    CHECK(read(out.path / "app.configmap.yaml") != "stale\n");
    CHECK(read(out.path / "app.secret.yaml") != "stale\n");
    CHECK(mode_of(out.path / "app.configmap.yaml") ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(mode_of(out.path / "app.secret.yaml") ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    ::umask(umask_before);
}

TEST_CASE("out: a symbolic link planted at a temporary's old name is not written through",
          "[driver]") {
    TemporaryDirectory out;
    TemporaryDirectory elsewhere;
    const fs::path victim = elsewhere.path / "victim";
    write(victim, "precious\n");
    for (const char* file :
         {"app.configmap.yaml", "app.deployment.yaml", "app.service.yaml", "kustomization.yaml"})
        fs::create_symlink(
            victim, out.path / ("." + std::string(file) + ".tmp-" + std::to_string(::getpid())));
    REQUIRE(run({"--out", out.path.string()}) == 0);
    CHECK(read(victim) == "precious\n");
    CHECK(listing(out.path).size() == 4); // the planted links are gone, the victim is not
    for (const ManifestFile& f : render_files(small_stack()))
        CHECK(read(out.path / f.name) == f.content);
}

TEST_CASE("out: keeps other files and the inode of unchanged ones", "[driver]") {
    TemporaryDirectory out;
    REQUIRE(run({"--out", out.path.string()}) == 0);
    write(out.path / "README.txt", "mine\n");
    fs::permissions(out.path / "README.txt", fs::perms::owner_read);
    write(out.path / "app.service.yaml", "edited\n");
    struct stat note_before, kept_before;
    REQUIRE(::stat((out.path / "README.txt").c_str(), &note_before) == 0);
    REQUIRE(::stat((out.path / "app.deployment.yaml").c_str(), &kept_before) == 0);
    REQUIRE(run({"--out", out.path.string()}) == 0);
    struct stat note_after, kept_after;
    REQUIRE(::stat((out.path / "README.txt").c_str(), &note_after) == 0);
    REQUIRE(::stat((out.path / "app.deployment.yaml").c_str(), &kept_after) == 0);
    CHECK(note_after.st_ino == note_before.st_ino);
    CHECK(note_after.st_mode == note_before.st_mode);
    CHECK(read(out.path / "README.txt") == "mine\n");
    CHECK(kept_after.st_ino == kept_before.st_ino);
    CHECK(kept_after.st_mtim.tv_nsec == kept_before.st_mtim.tv_nsec);
    CHECK(read(out.path / "app.service.yaml") != "edited\n");
}

TEST_CASE("leftovers of an interrupted --out are reported by --check and removed by --out",
          "[driver]") {
    TemporaryDirectory out;
    REQUIRE(run({"--out", out.path.string()}) == 0);
    const fs::path staging =
        out.path.parent_path() / ("." + out.path.filename().string() + ".kubestack-Ab12Cd");
    fs::create_directory(staging);
    write(staging / "app.service.yaml", "half-written");
    const fs::path old_temporary = out.path / ".app.service.yaml.tmp-12345";
    write(old_temporary, "half-written");
    CHECK(run({"--check", out.path.string()}) == 1);
    REQUIRE(run({"--out", out.path.string()}) == 0);
    CHECK_FALSE(fs::exists(staging));
    CHECK_FALSE(fs::exists(old_temporary));
    CHECK(run({"--check", out.path.string()}) == 0);
}

TEST_CASE("a file name too long for the file system names the object, before any write",
          "[driver]") {
    TemporaryDirectory out;
    constexpr auto long_stack = [] {
        // 243 characters: a valid name, but 258 bytes with ".configmap.yaml".
        return stack().apply(
            configMap("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
                      "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb."
                      "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc."
                      "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"));
    };
    static_assert(long_stack().size() == 1);
    const std::string directory = out.path.string();
    const char* argv[] = {"stack", "--out", directory.c_str()};
    const std::string message =
        standard_error_of([&] { CHECK(run_command_line(long_stack(), 3, argv) == 1); });
    CHECK_THAT(message, Catch::Contains("/aaaaaaaaaa") &&
                            Catch::Contains(".configmap.yaml: the "
                                            "file name of ConfigMap "
                                            "\"aaaaaaaaaa") &&
                            Catch::Contains("bytes, longer than the 255"));
    CHECK(listing(out.path).empty());
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
    CHECK(run({"--out", ""}) == 2);
    CHECK(run({"--check", ""}) == 2);
    CHECK(run({"--out", "-d"}) == 2);
    CHECK(run({"--cluster", ""}) == 2); // an unknown cluster, not the default one
}

TEST_CASE("a directory named like an option is written when spelled as a path", "[driver]") {
    TemporaryDirectory out;
    fs::create_directory(out.path / "-d");
    CHECK(run({"--out", (out.path / "-d").string()}) == 0);
    CHECK(listing(out.path / "-d").size() == 4);
}

TEST_CASE("help: --help and -h exit 0", "[driver]") {
    CHECK(run({"--help"}) == 0);
    CHECK(run({"-h"}) == 0);
}
