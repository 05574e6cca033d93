// std.fs and the file-system helpers under it, in a fresh temporary directory per test.
#include <pyro/std/fs.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "runtime_test_util.hpp"

using namespace pyro::literals;
using pyro::Str;
using runtime_test::error_of;
namespace fs = pyro::fs;

namespace {

class TempDir {
public:
    TempDir() {
        char name[] = "/tmp/pyro_std_fs_XXXXXX";
        REQUIRE(::mkdtemp(name) != nullptr);
        path_ = name;
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    Str operator/(std::string_view name) const { return Str(path_ + "/" + std::string(name)); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string text_of(const Str& s) {
    return s.std_string();
}

}  // namespace

TEST_CASE("std: fs write, append and read_to_string", "[std][fs]") {
    TempDir dir;
    const Str file = dir / "a.txt";
    fs::write(file, "hello\n"_s);
    CHECK(text_of(fs::read_to_string(file)) == "hello\n");
    fs::append(file, "world \u00e9\n"_s);
    CHECK(text_of(fs::read_to_string(file)) == "hello\nworld \u00e9\n");
    fs::write(file, "new"_s);  // write replaces
    CHECK(text_of(fs::read_to_string(file)) == "new");
    fs::append(dir / "fresh.txt", "made by append"_s);  // append creates
    CHECK(text_of(fs::read_to_string(dir / "fresh.txt")) == "made by append");
    fs::write(file, ""_s);
    CHECK(text_of(fs::read_to_string(file)).empty());
    // Bytes go through unchanged, NULs and all; a large file is read whole.
    const std::string bytes = std::string("a\0b\xff", 4) + std::string(300000, 'x');
    fs::write(file, Str(bytes));
    CHECK(text_of(fs::read_to_string(file)) == bytes);
}

TEST_CASE("std: fs reads what is not a regular file", "[std][fs]") {
    // /proc files report size 0; the reader must not trust st_size.
    CHECK(text_of(fs::read_to_string("/proc/self/stat"_s)).size() > 10);
}

TEST_CASE("std: fs errors carry the OS's message and the path", "[std][fs]") {
    TempDir dir;
    const Str missing = dir / "x.txt";
    const std::string m = '"' + text_of(missing) + '"';
    CHECK(error_of([&] { fs::read_to_string(missing); }) ==
          "Error: cannot read " + m + ": No such file or directory");
    CHECK(error_of([&] { fs::read_to_string(Str(dir.path())); }) ==
          "Error: cannot read \"" + dir.path() + "\": Is a directory");
    CHECK(error_of([&] { fs::write(dir / "no/such/dir.txt", "x"_s); }) ==
          "Error: cannot write \"" + dir.path() + "/no/such/dir.txt\": No such file or directory");
    CHECK(error_of([&] { fs::append(Str(dir.path()), "x"_s); }) ==
          "Error: cannot append to \"" + dir.path() + "\": Is a directory");
    CHECK(error_of([&] { fs::remove_file(missing); }) ==
          "Error: cannot remove file " + m + ": No such file or directory");
    CHECK(error_of([&] { fs::remove_dir(missing); }) ==
          "Error: cannot remove directory " + m + ": No such file or directory");
    // Quoted as strings print inside containers; a NUL cannot reach the OS.
    CHECK(error_of([] { fs::read_to_string(Str(std::string_view("a\0b", 3))); }) ==
          "Error: cannot read \"a\\x00b\": path contains a NUL byte");
    CHECK(error_of([] { fs::read_to_string("say \"hi\"\n"_s); }) ==
          "Error: cannot read \"say \\\"hi\\\"\\n\": No such file or directory");
    if (::geteuid() != 0) {  // root reads anything
        const Str locked = dir / "locked";
        fs::write(locked, "secret"_s);
        ::chmod(locked.std_string().c_str(), 0);
        CHECK(error_of([&] { fs::read_to_string(locked); }) ==
              "Error: cannot read \"" + text_of(locked) + "\": Permission denied");
    }
}

TEST_CASE("std: fs exists, is_file and is_dir", "[std][fs]") {
    TempDir dir;
    const Str file = dir / "f";
    const Str sub = dir / "d";
    fs::write(file, "x"_s);
    fs::create_dir(sub);
    CHECK(fs::exists(file));
    CHECK(fs::is_file(file));
    CHECK_FALSE(fs::is_dir(file));
    CHECK(fs::exists(sub));
    CHECK(fs::is_dir(sub));
    CHECK_FALSE(fs::is_file(sub));
    CHECK_FALSE(fs::exists(dir / "nothing"));
    CHECK_FALSE(fs::is_file(dir / "nothing"));
    CHECK_FALSE(fs::is_dir(dir / "nothing"));
    CHECK_FALSE(fs::exists(Str(std::string_view("a\0b", 3))));
    // Links are followed; a dangling one is not there.
    REQUIRE(::symlink((dir.path() + "/f").c_str(), (dir.path() + "/link").c_str()) == 0);
    REQUIRE(::symlink((dir.path() + "/gone").c_str(), (dir.path() + "/dangling").c_str()) == 0);
    CHECK(fs::is_file(dir / "link"));
    CHECK_FALSE(fs::exists(dir / "dangling"));
}

TEST_CASE("std: fs create_dir makes parents and accepts an existing directory", "[std][fs]") {
    TempDir dir;
    const Str deep = dir / "a/b/c";
    fs::create_dir(deep);
    CHECK(fs::is_dir(deep));
    fs::create_dir(deep);  // already there: fine
    fs::create_dir(dir / "a/b/c/");
    CHECK(fs::is_dir(dir / "a/b/c"));
    fs::write(dir / "file", "x"_s);
    CHECK(error_of([&] { fs::create_dir(dir / "file"); }) ==
          "Error: cannot create directory \"" + dir.path() + "/file\": File exists");
    CHECK(error_of([&] { fs::create_dir(dir / "file/sub"); }) ==
          "Error: cannot create directory \"" + dir.path() + "/file/sub\": Not a directory");
    CHECK(error_of([] { fs::create_dir(""_s); }) ==
          "Error: cannot create directory \"\": No such file or directory");
}

TEST_CASE("std: fs remove_file and remove_dir", "[std][fs]") {
    TempDir dir;
    const Str sub = dir / "d";
    fs::create_dir(sub);
    fs::write(dir / "d/f", "x"_s);
    CHECK(error_of([&] { fs::remove_file(sub); }) ==
          "Error: cannot remove file \"" + text_of(sub) + "\": Is a directory");
    CHECK(error_of([&] { fs::remove_dir(sub); }) ==
          "Error: cannot remove directory \"" + text_of(sub) + "\": Directory not empty");
    CHECK(error_of([&] { fs::remove_dir(dir / "d/f"); }) ==
          "Error: cannot remove directory \"" + dir.path() + "/d/f\": Not a directory");
    fs::remove_file(dir / "d/f");
    CHECK_FALSE(fs::exists(dir / "d/f"));
    fs::remove_dir(sub);
    CHECK_FALSE(fs::exists(sub));
}

TEST_CASE("std: fs list_dir gives sorted names", "[std][fs]") {
    TempDir dir;
    for (const char* name : {"b.txt", "a.txt", "C", "\u00e9", "_x"}) {
        fs::write(dir / name, "x"_s);
    }
    fs::create_dir(dir / "sub");
    fs::write(dir / "sub/inner", "x"_s);
    using Names = std::vector<std::string>;
    CHECK(fs::detail::list_dir(dir.path()) == Names{"C", "_x", "a.txt", "b.txt", "sub", "\u00e9"});
    CHECK(fs::detail::list_dir(dir.path() + "/sub") == Names{"inner"});
    fs::create_dir(dir / "empty");
    CHECK(fs::detail::list_dir(dir.path() + "/empty").empty());
    CHECK(error_of([&] { fs::detail::list_dir(dir.path() + "/a.txt"); }) ==
          "Error: cannot list directory \"" + dir.path() + "/a.txt\": Not a directory");
    // The Pyro face: a list of strings.
    CHECK(fs::list_dir(dir / "sub") == pyro::List<Str>{"inner"_s});
    CHECK(fs::list_dir(Str(dir.path())).len() == pyro::Int(7));
    CHECK(error_of([&] { fs::detail::list_dir(dir.path() + "/none"); }) ==
          "Error: cannot list directory \"" + dir.path() + "/none\": No such file or directory");
}
