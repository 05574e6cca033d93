// std.process: running programs without a shell, capturing both streams at once, exit codes
// and signals, and what a missing program raises.
#include <pyro/std/process.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "runtime_test_util.hpp"

using runtime_test::error_of;
namespace detail = pyro::process::detail;
using Args = std::vector<std::string>;

TEST_CASE("std: process runs a program and captures stdout", "[std][process]") {
    const auto r = detail::run("echo", Args{"hello", "world"});
    CHECK(r.out == "hello world\n");
    CHECK(r.err.empty());
    CHECK(r.code == 0);
    // No shell: metacharacters reach the program as they are.
    const auto raw = detail::run("echo", Args{"$HOME", "*", "a;b", "it's"});
    CHECK(raw.out == "$HOME * a;b it's\n");
    const auto none = detail::run("true", Args{});
    CHECK(none.out.empty());
    CHECK(none.code == 0);
}

TEST_CASE("std: process exec gives a dict of stdout, stderr and code", "[std][process]") {
    using namespace pyro::literals;
    const auto r = pyro::process::exec(
        "sh"_s, pyro::List<pyro::Str>{"-c"_s, "echo out; echo err >&2; exit 3"_s});
    CHECK(pyro::str(r) == R"({"stdout": "out\n", "stderr": "err\n", "code": 3})"_s);
    CHECK(r.at("code"_s).int_value() == pyro::Int(3));
    const auto m = pyro::process::exec("echo"_s, pyro::ListMut<pyro::Str>{"x"_s});
    CHECK(m.at("stdout"_s).str_value() == "x\n"_s);
    CHECK(error_of([] {
              pyro::process::exec("pyro-no-such-program"_s, pyro::List<pyro::Str>{});
          }) == "Error: cannot run \"pyro-no-such-program\": No such file or directory");
}

TEST_CASE("std: process reports exit codes and signals", "[std][process]") {
    CHECK(detail::run("false", Args{}).code == 1);
    CHECK(detail::run("sh", Args{"-c", "exit 42"}).code == 42);
    CHECK(detail::run("sh", Args{"-c", "kill -TERM $$"}).code == 128 + 15);
    CHECK(detail::run("sh", Args{"-c", "kill -KILL $$"}).code == 128 + 9);
}

TEST_CASE("std: process reads 1 MiB of stdout and stderr without deadlock", "[std][process]") {
    // The child writes both streams interleaved, far past a pipe's 64 KiB, so reading one
    // pipe to the end before the other would hang.
    const auto r = detail::run(
        "sh", Args{"-c",
                   "i=0; while [ $i -lt 16 ]; do head -c 65536 /dev/zero | tr '\\0' o; "
                   "head -c 65536 /dev/zero | tr '\\0' e >&2; i=$((i+1)); done; echo done >&2"});
    CHECK(r.code == 0);
    CHECK(r.out == std::string(1 << 20, 'o'));
    CHECK(r.err == std::string(1 << 20, 'e') + "done\n");
}

TEST_CASE("std: process output keeps every byte", "[std][process]") {
    const auto r = detail::run("printf", Args{"a\\000b\\377\\n"});
    CHECK(r.out == std::string("a\0b\xff\n", 5));
}

TEST_CASE("std: process missing program raises the OS's message", "[std][process]") {
    CHECK(error_of([] { detail::run("pyro-no-such-program", Args{}); }) ==
          "Error: cannot run \"pyro-no-such-program\": No such file or directory");
    CHECK(error_of([] { detail::run("/nonexistent/prog", Args{"x"}); }) ==
          "Error: cannot run \"/nonexistent/prog\": No such file or directory");
    CHECK(error_of([] { detail::run("/etc", Args{}); }) ==
          "Error: cannot run \"/etc\": Permission denied");
    CHECK(error_of([] { detail::run("echo", Args{std::string("a\0b", 3)}); }) ==
          "Error: cannot run \"echo\": an argument contains a NUL byte");
}

TEST_CASE("std: process exit flushes output first", "[std][process]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::fflush(nullptr);  // or the child would write what the test runner has buffered too
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        // Fully buffered, as PYRO_MAIN makes stdout when it is not a terminal.
        std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
        pyro::print("buffered line");
        pyro::process::exit(pyro::Int(7));
    }
    ::close(fds[1]);
    std::string out;
    char buf[256];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) {
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 7);
    CHECK(out == "buffered line\n");
}
