// Errors from the operating system, as the std modules (fs, env, process, io) raise them.
//
// One shape for all: `cannot <doing> "<path>": <the OS's message>`, for example
// `cannot read "x.txt": No such file or directory`. The path is quoted as strings print inside
// containers (LANGUAGE.md 5.6), so a name with a quote or a newline stays readable. Paths are
// handed to the OS as C strings, so a path holding a NUL byte cannot name a file: c_path
// refuses it with the same shape of message instead of silently shortening the name.
#pragma once

#include <string>
#include <string_view>
#include <system_error>

#include "pyro/error.hpp"
#include "pyro/str.hpp"

namespace pyro::rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_path_error(std::string_view doing,
                                                                    std::string_view path,
                                                                    std::string_view why) {
    std::string message = "cannot ";
    message += doing;
    message += ' ';
    append_quoted(message, path);
    message += ": ";
    message += why;
    raise_error(message);
}

// `err` is an errno value; the text is strerror's ("No such file or directory").
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_os_error(std::string_view doing,
                                                                  std::string_view path, int err) {
    raise_path_error(doing, path, std::generic_category().message(err));
}

// `path` as a NUL-terminated string for a system call.
inline std::string c_path(std::string_view doing, std::string_view path) {
    if (path.find('\0') != std::string_view::npos) {
        raise_path_error(doing, path, "path contains a NUL byte");
    }
    return std::string(path);
}

}  // namespace pyro::rt
