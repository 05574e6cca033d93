// std.path: Python's posixpath rules for join, basename, dirname, extname and abs_path.
#include <pyro/std/path.hpp>

#include <unistd.h>

#include <string>
#include <vector>

#include "runtime_test_util.hpp"

using namespace pyro::literals;
using pyro::Str;
namespace path = pyro::path;
namespace detail = pyro::path::detail;

TEST_CASE("std: path join", "[std][path]") {
    CHECK(path::join("a"_s, "b"_s, "c.txt"_s) == "a/b/c.txt"_s);
    CHECK(path::join("a/"_s, "b"_s) == "a/b"_s);
    CHECK(path::join("a"_s, "/b"_s, "c"_s) == "/b/c"_s);  // an absolute part starts over
    CHECK(path::join(""_s, "b"_s) == "b"_s);
    CHECK(path::join("a"_s, ""_s) == "a/"_s);
    CHECK(path::join("a"_s) == "a"_s);
    CHECK(path::join("/"_s, "etc"_s) == "/etc"_s);
    CHECK(path::join("a//"_s, "b"_s) == "a//b"_s);
    CHECK(path::join("\u00e9"_s, "\u4e16.txt"_s) == "\u00e9/\u4e16.txt"_s);
    // The list form goes through the same code.
    CHECK(detail::join(std::vector<std::string>{"x", "y", "z"}) == "x/y/z");
    CHECK(detail::join(std::vector<std::string>{}).empty());
}

TEST_CASE("std: path basename and dirname", "[std][path]") {
    CHECK(path::basename("a/b/c.txt"_s) == "c.txt"_s);
    CHECK(path::basename("c.txt"_s) == "c.txt"_s);
    CHECK(path::basename("a/b/"_s) == ""_s);
    CHECK(path::basename("/"_s) == ""_s);
    CHECK(path::basename(""_s) == ""_s);
    CHECK(path::dirname("a/b/c.txt"_s) == "a/b"_s);
    CHECK(path::dirname("a/b/"_s) == "a/b"_s);
    CHECK(path::dirname("c.txt"_s) == ""_s);
    CHECK(path::dirname("/a"_s) == "/"_s);
    CHECK(path::dirname("/"_s) == "/"_s);
    CHECK(path::dirname("//a"_s) == "//"_s);
    CHECK(path::dirname("a//b"_s) == "a"_s);
    CHECK(path::dirname(""_s) == ""_s);
}

TEST_CASE("std: path extname has no dot", "[std][path]") {
    CHECK(path::extname("a/b.txt"_s) == "txt"_s);
    CHECK(path::extname("a.tar.gz"_s) == "gz"_s);
    CHECK(path::extname("a"_s) == ""_s);
    CHECK(path::extname("a."_s) == ""_s);
    CHECK(path::extname(".bashrc"_s) == ""_s);
    CHECK(path::extname("..."_s) == ""_s);
    CHECK(path::extname("..a"_s) == ""_s);
    CHECK(path::extname(".a.b"_s) == "b"_s);
    CHECK(path::extname("dir.d/file"_s) == ""_s);
    CHECK(path::extname("dir.d/.hidden"_s) == ""_s);
    CHECK(path::extname(""_s) == ""_s);
}

TEST_CASE("std: path normalise is posixpath.normpath", "[std][path]") {
    CHECK(detail::normalise("") == ".");
    CHECK(detail::normalise(".") == ".");
    CHECK(detail::normalise("a/./b//c/") == "a/b/c");
    CHECK(detail::normalise("a/../b") == "b");
    CHECK(detail::normalise("a/..") == ".");
    CHECK(detail::normalise("../a/../../b") == "../../b");
    CHECK(detail::normalise("/../a") == "/a");
    CHECK(detail::normalise("/a/b/../../..") == "/");
    CHECK(detail::normalise("//a//b") == "//a/b");
    CHECK(detail::normalise("///a") == "/a");
    CHECK(detail::normalise("//") == "//");
}

TEST_CASE("std: path abs_path", "[std][path]") {
    char buf[4096];
    REQUIRE(::getcwd(buf, sizeof buf) != nullptr);
    const std::string cwd = buf;
    CHECK(path::abs_path("/usr/./lib/../bin/"_s) == "/usr/bin"_s);
    CHECK(path::abs_path("x.txt"_s).std_string() == (cwd == "/" ? "/x.txt" : cwd + "/x.txt"));
    CHECK(path::abs_path(""_s).std_string() == cwd);
    CHECK(path::abs_path("."_s).std_string() == cwd);
    CHECK(path::abs_path("a/../b"_s).std_string() == (cwd == "/" ? "/b" : cwd + "/b"));
}
