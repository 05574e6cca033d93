// The conversion builtins int(x), float(x), bool(x), and truthiness of conditions.
//
// int(float) truncates toward zero and refuses what has no int (`cannot convert nan to int`,
// `cannot convert 1e+20 to int`). int(string) and float(string) parse what Python's do:
// surrounding ASCII whitespace, an optional sign, `_` between digits; float also takes
// `.5`, `5.`, exponents, `inf`, `infinity` and `nan` in any case. A string that does not
// parse raises `invalid literal for int(): "x"` (float() likewise), the text quoted as
// strings print inside containers; an int(string) beyond 64 bits raises `integer overflow`.
// truthy(x) is a non-bool condition: 0, 0.0, "" and void are false (nan is true).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include "pyro/error.hpp"
#include "pyro/float_repr.hpp"
#include "pyro/int.hpp"
#include "pyro/str.hpp"
#include "pyro/void.hpp"

namespace pyro {

namespace rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_invalid_literal(const char* kind,
                                                                         std::string_view text) {
    std::string message = "invalid literal for ";
    message += kind;
    message += "(): ";
    append_quoted(message, text);
    raise_error(message);
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_float_to_int(double d) {
    raise_error("cannot convert " + float_repr(d) + " to int");
}

constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

constexpr std::string_view strip(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// Copies a run of digits with single `_` between them into `out`; returns how many characters
// of `s` it consumed (0 if `s` does not start with a digit). A `_` not followed by a digit ends
// the run without being consumed, so the caller sees it as garbage.
inline std::size_t take_digits(std::string_view s, std::string& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            out.push_back(s[i++]);
        } else if (s[i] == '_' && i > 0 && i + 1 < s.size() && is_digit(s[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

// Lower-case ASCII comparison for the float words.
inline bool equals_nocase(std::string_view s, std::string_view word) noexcept {
    if (s.size() != word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        if (c != word[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace rt

inline Int to_int(Int x) noexcept {
    return x;
}
inline Int to_int(bool b) noexcept {
    return Int(b ? 1 : 0);
}
template <rt::Double D>
Int to_int(D d) {
    // Every double in [-2**63, 2**63) truncates to an int64; nan fails both tests.
    if (__builtin_expect(!(d >= -0x1p63 && d < 0x1p63), 0)) {
        rt::raise_float_to_int(d);
    }
    return Int(static_cast<std::int64_t>(d));
}
inline Int to_int(const Str& s) {
    const std::string_view text = rt::strip(s.view());
    std::string_view rest = text;
    bool negative = false;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    std::string digits;
    if (rest.empty() || rt::take_digits(rest, digits) != rest.size()) {
        rt::raise_invalid_literal("int", s.view());
    }
    // Accumulate negatively so MIN, whose magnitude has no positive int64, parses.
    std::int64_t value = 0;
    for (const char c : digits) {
        if (__builtin_mul_overflow(value, 10, &value) ||
            __builtin_sub_overflow(value, c - '0', &value)) {
            rt::raise_overflow();
        }
    }
    if (!negative) {
        if (value == std::numeric_limits<std::int64_t>::min()) {
            rt::raise_overflow();
        }
        value = -value;
    }
    return Int(value);
}

inline double to_float(Int x) noexcept {
    return static_cast<double>(x.v);
}
inline double to_float(bool b) noexcept {
    return b ? 1.0 : 0.0;
}
template <rt::Double D>
double to_float(D d) noexcept {
    return d;
}
inline double to_float(const Str& s) {
    std::string_view rest = rt::strip(s.view());
    std::string clean;  // sign, digits, '.', 'e': what from_chars accepts
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        if (rest.front() == '-') {
            clean.push_back('-');
        }
        rest.remove_prefix(1);
    }
    if (rt::equals_nocase(rest, "inf") || rt::equals_nocase(rest, "infinity")) {
        const double inf = std::numeric_limits<double>::infinity();
        return clean.empty() ? inf : -inf;
    }
    if (rt::equals_nocase(rest, "nan")) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t i = rt::take_digits(rest, clean);
    bool have_digits = i > 0;
    if (i < rest.size() && rest[i] == '.') {
        clean.push_back('.');
        const std::size_t frac = rt::take_digits(rest.substr(i + 1), clean);
        have_digits = have_digits || frac > 0;
        i += 1 + frac;
    }
    if (have_digits && i < rest.size() && (rest[i] == 'e' || rest[i] == 'E')) {
        clean.push_back('e');
        std::size_t j = i + 1;
        if (j < rest.size() && (rest[j] == '+' || rest[j] == '-')) {
            clean.push_back(rest[j]);
            ++j;
        }
        const std::size_t exp_digits = rt::take_digits(rest.substr(j), clean);
        i = exp_digits > 0 ? j + exp_digits : 0;  // "1e" or "1e+" is invalid
    }
    if (!have_digits || i != rest.size()) {
        rt::raise_invalid_literal("float", s.view());
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone; strtod gives inf or the underflowed value.
        value = std::strtod(clean.c_str(), nullptr);
    }
    return value;
}

inline bool truthy(Int x) noexcept {
    return x.v != 0;
}
template <rt::Double D>
bool truthy(D d) noexcept {
    return d != 0.0;
}
inline bool truthy(bool b) noexcept {
    return b;
}
inline bool truthy(const Str& s) noexcept {
    return !s.empty();
}
inline bool truthy(Void) noexcept {
    return false;
}

template <class T>
bool to_bool(const T& x) noexcept(noexcept(truthy(x))) {
    return truthy(x);
}

}  // namespace pyro
