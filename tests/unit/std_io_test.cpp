// std.io: read_file / write_file, and read_line over a stream and over the real stdin.
#include <pyro/std/io.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "runtime_test_util.hpp"

using namespace pyro::literals;
using pyro::Str;
using runtime_test::error_of;
namespace io = pyro::io;

namespace {

// The lines read_line gives for `input`, then "<void>" at the end.
std::vector<std::string> lines_of(const std::string& input) {
    std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
    REQUIRE(in != nullptr);
    std::vector<std::string> out;
    while (true) {
        auto line = io::detail::read_line(in);
        if (!line) {
            out.push_back("<void>");
            break;
        }
        out.push_back(*line);
    }
    std::fclose(in);
    return out;
}

}  // namespace

TEST_CASE("std: io read_line splits lines and ends with void", "[std][io]") {
    using Lines = std::vector<std::string>;
    CHECK(lines_of("a\nb\n") == Lines{"a", "b", "<void>"});
    CHECK(lines_of("a\nlast") == Lines{"a", "last", "<void>"});  // no final newline
    CHECK(lines_of("\n\n") == Lines{"", "", "<void>"});
    CHECK(lines_of("crlf\r\n") == Lines{"crlf\r", "<void>"});
    CHECK(lines_of(std::string("nul\0byte\n", 9)) == Lines{std::string("nul\0byte", 8), "<void>"});
    CHECK(lines_of(std::string(100000, 'x') + "\n") == Lines{std::string(100000, 'x'), "<void>"});
}

TEST_CASE("std: io read_line reads the process's stdin", "[std][io]") {
    // Standard input replaced by a file for the duration of the test.
    char name[] = "/tmp/pyro_std_io_XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "first\nsecond", 12) == 12);
    ::lseek(fd, 0, SEEK_SET);
    const int saved = ::dup(STDIN_FILENO);
    ::dup2(fd, STDIN_FILENO);
    std::clearerr(stdin);
    const auto a = io::detail::read_line(stdin);
    const pyro::Any b = io::read_line();  // the Pyro face: `string | void`
    const pyro::Any c = io::read_line();
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    ::close(fd);
    std::clearerr(stdin);
    ::unlink(name);
    CHECK(a == std::optional<std::string>("first"));
    CHECK(b.str_value() == "second"_s);
    CHECK(c.is_void());
}

TEST_CASE("std: io read_file and write_file", "[std][io]") {
    char name[] = "/tmp/pyro_std_io_XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    const Str path(std::string_view{name});
    io::write_file(path, "one\ntwo \u00e9\n"_s);
    CHECK(io::read_file(path) == "one\ntwo \u00e9\n"_s);
    io::write_file(path, "short"_s);
    CHECK(io::read_file(path) == "short"_s);
    ::unlink(name);
    CHECK(error_of([&] { io::read_file(path); }) ==
          "Error: cannot read \"" + std::string(name) + "\": No such file or directory");
    CHECK(error_of([] { io::write_file("/nonexistent/dir/f"_s, "x"_s); }) ==
          "Error: cannot write \"/nonexistent/dir/f\": No such file or directory");
}
