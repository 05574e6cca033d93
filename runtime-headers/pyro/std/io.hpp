// std.io: whole files and standard input (LANGUAGE.md 7).
//
// read_file and write_file are std.fs's read_to_string and write under the names scripts
// reach for. read_line() reads one line of standard input without its "\n" (a "\r" before it
// stays), or gives void at the end of input; a last line without a newline still counts. It
// flushes Pyro's standard output first, so a prompt printed before it is visible, and blocks
// its thread until the line arrives.
#pragma once

#include <sys/types.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <system_error>

#include "pyro/data.hpp"
#include "pyro/error.hpp"
#include "pyro/print.hpp"
#include "pyro/std/fs_ops.hpp"
#include "pyro/str.hpp"

namespace pyro::io::detail {

inline std::optional<std::string> read_line(std::FILE* in) {
    rt::flush_out();
    char* buf = nullptr;
    std::size_t capacity = 0;
    errno = 0;
    const ssize_t n = ::getline(&buf, &capacity, in);
    if (n < 0) {
        const int err = errno;
        const bool failed = std::ferror(in) != 0;
        std::free(buf);
        if (failed) {
            rt::raise_error("cannot read standard input: " + std::generic_category().message(err));
        }
        return std::nullopt;
    }
    std::string line(buf, static_cast<std::size_t>(n));
    std::free(buf);
    if (!line.empty() && line.back() == '\n') {
        line.pop_back();
    }
    return line;
}

}  // namespace pyro::io::detail

namespace pyro::io {

inline Str read_file(const Str& path) {
    return Str(fs::detail::read_file(path.view()));
}
inline void write_file(const Str& path, const Str& text) {
    fs::detail::write_file(path.view(), text.view(), false);
}
// `string | void`: like every union, an any holding one of the two.
inline Any read_line() {
    std::optional<std::string> line = detail::read_line(stdin);
    return line ? Any(Str(*line)) : Any();
}

}  // namespace pyro::io
