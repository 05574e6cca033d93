// str(x), print(...) and eprint(...): how values become text (LANGUAGE.md 5.6).
//
// Every printable type specialises pyro::rt::Printer<T> with `static void str(Buf&, const T&)`
// appending the value's top-level text to a buffer; pyro::str, print and the f-string code
// all go through it, and later value types (containers, records, any) add their own
// specialisations in their own headers. A class template rather than overloads, so a
// specialisation declared after this header is still found from templates defined here.
//
// print formats the whole line (arguments joined by one space, then "\n") into a stack buffer
// and hands it to one fwrite. stdio locks the FILE for the duration of the call, so lines
// from concurrent tasks never interleave, and stdout stays buffered for speed (PYRO_MAIN
// enlarges its buffer when it is not a terminal and flushes it at exit). Anything the runtime
// writes to stderr, eprint included, first flushes stdout, so `2>&1` keeps the order in which
// the program wrote. The streams can be redirected (set_output), for tests.
#pragma once

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>

#include "pyro/float_repr.hpp"
#include "pyro/int.hpp"
#include "pyro/str.hpp"
#include "pyro/void.hpp"

namespace pyro::rt {

// Text under construction; 500 bytes inline, so a typical line never allocates.
using Buf = fmt::memory_buffer;

inline void append(Buf& out, std::string_view text) {
    out.append(text.data(), text.data() + text.size());
}

template <class T>
struct Printer;  // no default: printing a type that cannot print is a compile error

template <>
struct Printer<Int> {
    static void str(Buf& out, Int x) {
        const fmt::format_int digits(x.v);
        out.append(digits.data(), digits.data() + digits.size());
    }
};
// Plain C++ integers, for hand-written code calling pyro::print(42).
template <FitsInt T>
struct Printer<T> {
    static void str(Buf& out, T x) { Printer<Int>::str(out, Int(x)); }
};
template <>
struct Printer<double> {
    static void str(Buf& out, double x) { append_float_repr(out, x); }
};
template <>
struct Printer<bool> {
    static void str(Buf& out, bool x) { append(out, x ? "true" : "false"); }
};
template <>
struct Printer<Str> {
    static void str(Buf& out, const Str& x) { append(out, x.view()); }
};
template <>
struct Printer<Void> {
    static void str(Buf& out, Void) { append(out, "void"); }
};
// C++ text, for hand-written code.
template <>
struct Printer<std::string_view> {
    static void str(Buf& out, std::string_view x) { append(out, x); }
};
template <>
struct Printer<std::string> {
    static void str(Buf& out, const std::string& x) { append(out, x); }
};
template <>
struct Printer<const char*> {
    static void str(Buf& out, const char* x) { append(out, x); }
};
template <>
struct Printer<char*> : Printer<const char*> {};

template <class T>
void append_str(Buf& out, const T& x) {
    Printer<std::decay_t<T>>::str(out, x);
}

// One line as print writes it, newline included.
template <class... Args>
void append_line(Buf& out, const Args&... args) {
    bool first = true;
    ((first ? void(first = false) : out.push_back(' '), append_str(out, args)), ...);
    out.push_back('\n');
}

template <class... Args>
std::string format_line(const Args&... args) {
    Buf out;
    append_line(out, args...);
    return fmt::to_string(out);
}

// Where print and eprint write; null means the process's stdout / stderr.
inline std::FILE* out_override = nullptr;
inline std::FILE* err_override = nullptr;

inline std::FILE* out_stream() noexcept {
    return out_override ? out_override : stdout;
}
inline std::FILE* err_stream() noexcept {
    return err_override ? err_override : stderr;
}

// Redirects print and eprint (tests); pass null to restore the process's streams.
inline void set_output(std::FILE* out, std::FILE* err) noexcept {
    out_override = out;
    err_override = err;
}

inline void flush_out() noexcept {
    std::fflush(out_stream());
}

inline void write_out(const Buf& line) noexcept {
    std::fwrite(line.data(), 1, line.size(), out_stream());
}

inline void write_err(const Buf& line) noexcept {
    flush_out();
    std::FILE* err = err_stream();
    std::fwrite(line.data(), 1, line.size(), err);
    std::fflush(err);
}

}  // namespace pyro::rt

namespace pyro {

template <class T>
Str str(const T& x) {
    rt::Buf out;
    rt::append_str(out, x);
    return Str(std::string_view(out.data(), out.size()));
}
inline Str str(const Str& s) noexcept {
    return s;
}

template <class... Args>
void print(const Args&... args) {
    rt::Buf line;
    rt::append_line(line, args...);
    rt::write_out(line);
}

template <class... Args>
void eprint(const Args&... args) {
    rt::Buf line;
    rt::append_line(line, args...);
    rt::write_err(line);
}

}  // namespace pyro
