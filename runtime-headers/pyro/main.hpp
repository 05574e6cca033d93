// The program's entry point: PYRO_MAIN(pyro_main) defines `main`.
//
// It keeps argv (std.env's `args()` reads it), makes stdout fully buffered when it is not a
// terminal, runs the module's body, and flushes stdout at the end. What escapes the body
// becomes the process's exit status (LANGUAGE.md 9): an uncaught Pyro error prints
// `FILE:LINE:COL: uncaught error: <str of value>` and one `note: caused by: <str>` line per
// cause to stderr and exits 1; running out of memory prints `fatal error: out of memory` and
// exits 2; any other C++ exception is reported as an uncaught `Error` with its what(). The body
// runs as the main task of the scheduler: PYRO_MAIN calls run_tasks (task.hpp, which includes
// this header; pyro.hpp includes both), and run_tasks calls run_main on the main task.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/print.hpp"

namespace pyro::rt {

// The program's arguments, program path first; set once by PYRO_MAIN before anything runs.
inline std::vector<std::string_view>& program_args() {
    static std::vector<std::string_view> args;
    return args;
}

// The report of an uncaught error, without the trailing newline of its last line.
inline std::string uncaught_report(const RaisedValue& value, const SrcLoc* where) {
    std::string out;
    if (where != nullptr) {
        out += fmt::format("{}:{}:{}: ", where->file, where->line, where->col);
    }
    out += "uncaught error: ";
    out += value.str();
    for (auto cause = value.cause(); cause != nullptr; cause = cause->cause()) {
        out += "\nnote: caused by: ";
        out += cause->str();
    }
    return out;
}

inline void report_fatal(std::string_view text) {
    Buf line;
    append(line, text);
    line.push_back('\n');
    write_err(line);
}

// Runs the module's body and turns what escapes it into an exit status and a report on the
// error stream (PYRO_MAIN's work minus the process setup, so tests can call it).
template <class Fn>
int run_body(Fn& body) {
    int status = 0;
    try {
        if constexpr (std::is_same_v<decltype(body()), int>) {
            status = body();
        } else {
            body();
        }
    } catch (const Raised& e) {
        report_fatal(uncaught_report(e.value(), e.where()));
        status = 1;
    } catch (const std::bad_alloc&) {
        report_fatal("fatal error: out of memory");
        status = 2;
    } catch (const std::exception& e) {
        report_fatal(uncaught_report(BuiltinError(e.what()), nullptr));
        status = 1;
    }
    flush_out();
    return status;
}

template <class Fn>
int run_main(int argc, char** argv, Fn& body) {
    program_args().assign(argv, argv + argc);
    if (!isatty(fileno(stdout))) {
        // Must precede any output; the buffer lives as long as the process.
        static char buffer[1 << 16];
        std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    }
    return run_body(body);
}

}  // namespace pyro::rt

#define PYRO_MAIN(fn)                          \
    int main(int argc, char** argv) {          \
        ::pyro::rt::run_tasks(argc, argv, fn); \
    }
