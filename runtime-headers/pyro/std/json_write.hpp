// The JSON writer behind std.json's stringify: values to compact RFC 8259 text.
//
// A Writer holds the text being built and writes scalars; how a type becomes JSON is said by
// specialising pyro::json::detail::Encoder<T> with `static void write(Writer&, const T&)`, as
// print.hpp's Printer<T> says how it prints; a type without one raises `cannot convert chan
// to JSON` (its name as type() gives it). This header covers the scalars (Int, double,
// bool, Str, Void) and plain C++ text and vectors; json.hpp adds Pyro's containers, records,
// instances and any.
//
// Output is compact (no spaces). Strings are escaped as JSON requires — `\"`, `\\`, `\b`,
// `\f`, `\n`, `\r`, `\t`, other control characters as `\u00XX` — and everything else,
// non-ASCII included, is copied as UTF-8 (a string that is not valid UTF-8 raises). Floats
// print as Python's repr prints them (`1.0`, `0.1`, `1e+16`, `-0.0`), the shortest text that
// reads back to the same double, and always as a float, so stringify then parse gives a float
// back; nan and the infinities have no JSON form and raise. Mutable containers and instances
// pass their identity to open(), so a value that contains itself raises instead of recursing
// forever; nesting deeper than kMaxWriteDepth raises too.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "pyro/error.hpp"
#include "pyro/float_repr.hpp"
#include "pyro/int.hpp"
#include "pyro/std/json_read.hpp"
#include "pyro/str.hpp"
#include "pyro/type_name.hpp"
#include "pyro/void.hpp"

namespace pyro::json::detail {

// As deep as parse accepts, so whatever parse returns can be written back.
inline constexpr std::size_t kMaxWriteDepth = kMaxDepth;

class Writer {
public:
    std::string& text() noexcept { return out_; }

    void null() { out_ += "null"; }
    void boolean(bool b) { out_ += b ? "true" : "false"; }
    void integer(std::int64_t n) { out_ += fmt::format_int(n).str(); }
    void number(double d) {
        if (!std::isfinite(d)) {
            rt::raise_error("cannot convert " + rt::float_repr(d) + " to JSON");
        }
        rt::append_float_repr(out_, d);
    }
    void string(std::string_view s) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_.push_back('"');
        std::size_t i = 0;
        while (i < s.size()) {
            // Copy the run of bytes that need no escape in one append.
            std::size_t run = i;
            while (run < s.size()) {
                const auto u = static_cast<unsigned char>(s[run]);
                if (u < 0x20 || u == '"' || u == '\\' || u >= 0x80) {
                    break;
                }
                ++run;
            }
            out_.append(s, i, run - i);
            i = run;
            if (i == s.size()) {
                break;
            }
            const auto u = static_cast<unsigned char>(s[i]);
            if (u >= 0x80) {
                const std::size_t n = utf8_sequence_length(s, i);
                if (n == 0) {
                    rt::raise_error("cannot convert a string that is not valid UTF-8 to JSON");
                }
                out_.append(s, i, n);
                i += n;
                continue;
            }
            switch (u) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                default:
                    out_ += "\\u00";
                    out_.push_back(kHex[u >> 4]);
                    out_.push_back(kHex[u & 0xf]);
            }
            ++i;
        }
        out_.push_back('"');
    }

    // Brackets around a container's elements. `identity` is the address of a mutable
    // container's or instance's shared state (null for values, which cannot contain
    // themselves); `bracket` is '[' or '{'.
    void open(char bracket, const void* identity) {
        if (depth_ >= kMaxWriteDepth) {
            rt::raise_error("cannot convert a value nested deeper than " +
                            std::to_string(kMaxWriteDepth) + " levels to JSON");
        }
        if (identity != nullptr && !open_identities_.insert(identity).second) {
            rt::raise_error("cannot convert a value that contains itself to JSON");
        }
        ++depth_;
        out_.push_back(bracket);
    }
    void close(char bracket, const void* identity) {
        --depth_;
        if (identity != nullptr) {
            open_identities_.erase(identity);
        }
        out_.push_back(bracket);
    }
    // Before each element or member: a comma unless it is the first.
    void separate(bool& first) {
        if (!first) {
            out_.push_back(',');
        }
        first = false;
    }
    // An object member's key and colon; keys are always strings in JSON.
    void key(std::string_view k) {
        string(k);
        out_.push_back(':');
    }

private:
    std::string out_;
    std::size_t depth_ = 0;
    std::unordered_set<const void*> open_identities_;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_unsupported(std::string type) {
    type.resize(std::min(type.size(), type.find('<')));  // "chan<int>" -> "chan", as type() says
    rt::raise_error("cannot convert " + type + " to JSON");
}

// Anything without its own encoder (channels, functions, ranges) has no JSON form. That is
// raised when the program runs rather than refused by the C++ compiler: an `any` may hold such
// a value, and generated code must compile either way.
template <class T>
struct Encoder {
    static void write(Writer&, const T&) { raise_unsupported(rt::TypeName<T>::name()); }
};

template <class T>
void encode(Writer& w, const T& x) {
    Encoder<T>::write(w, x);
}

template <>
struct Encoder<Int> {
    static void write(Writer& w, Int x) { w.integer(x.v); }
};
template <>
struct Encoder<double> {
    static void write(Writer& w, double x) { w.number(x); }
};
template <>
struct Encoder<bool> {
    static void write(Writer& w, bool x) { w.boolean(x); }
};
template <>
struct Encoder<Str> {
    static void write(Writer& w, const Str& x) { w.string(x.view()); }
};
template <>
struct Encoder<Void> {
    static void write(Writer& w, Void) { w.null(); }
};
template <>
struct Encoder<std::string> {
    static void write(Writer& w, const std::string& x) { w.string(x); }
};
template <>
struct Encoder<std::string_view> {
    static void write(Writer& w, std::string_view x) { w.string(x); }
};
template <class T>
struct Encoder<std::vector<T>> {
    static void write(Writer& w, const std::vector<T>& xs) {
        w.open('[', nullptr);
        bool first = true;
        for (const T& x : xs) {
            w.separate(first);
            encode(w, x);
        }
        w.close(']', nullptr);
    }
};

// The JSON text of `x`.
template <class T>
std::string to_json(const T& x) {
    Writer w;
    encode(w, x);
    return std::move(w.text());
}

}  // namespace pyro::json::detail
