// pyro::Int, Pyro's `int`: a 64-bit integer whose arithmetic is checked.
//
// The operators read as plain C++ arithmetic in generated code but raise Pyro errors instead
// of wrapping or trapping: `integer overflow` (including `MIN / -1` and `-MIN`), `division by
// zero`, `negative shift count`. `/` truncates toward zero and `%` takes the sign of the left
// operand, as in Go; `MIN % -1` is 0. Everything is inline and the checks use the compiler's
// overflow builtins with the raise paths out of line, so a checked `a + b` costs an add and a
// never-taken jump. A `double` on either side makes the operation a `double` one; mixed
// comparisons are exact (2**53 + 1 != 2.0**53), as in Python.
//
// Only integer types that always fit convert implicitly; `bool` and floating point do not
// (pyro::to_int converts explicitly), so no operation silently changes kind.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>

#include "pyro/error.hpp"

namespace pyro {

namespace rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_overflow() {
    raise_error("integer overflow");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_division_by_zero() {
    raise_error("division by zero");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_negative_shift() {
    raise_error("negative shift count");
}

// Integer types whose every value is an int: signed up to 64 bits, unsigned below 64 bits.
template <class T>
concept FitsInt = std::integral<T> && !std::same_as<T, bool> &&
                  (std::is_signed_v<T> ? sizeof(T) <= 8 : sizeof(T) < 8);

// Only `double` takes part in mixed arithmetic; as a template parameter it keeps `n + 1`
// from preferring the (Int, double) overload through a standard conversion.
template <class T>
concept Double = std::same_as<T, double>;

// Exact comparison of an int64 with a double, without rounding the int.
constexpr std::partial_ordering compare_exact(std::int64_t a, double d) noexcept {
    if (d != d) {
        return std::partial_ordering::unordered;
    }
    if (d >= 0x1p63) {
        return std::partial_ordering::less;
    }
    if (d < -0x1p63) {
        return std::partial_ordering::greater;
    }
    const auto t = static_cast<std::int64_t>(d);  // truncation, exact for the integral part
    if (a != t) {
        return a < t ? std::partial_ordering::less : std::partial_ordering::greater;
    }
    const double frac = d - static_cast<double>(t);
    if (frac > 0) {
        return std::partial_ordering::less;
    }
    return frac < 0 ? std::partial_ordering::greater : std::partial_ordering::equivalent;
}

}  // namespace rt

struct Int {
    std::int64_t v;

    constexpr Int() noexcept : v(0) {}
    template <rt::FitsInt T>
    constexpr Int(T x) noexcept : v(static_cast<std::int64_t>(x)) {}
    Int(bool) = delete;

    static constexpr Int min() noexcept { return Int(std::numeric_limits<std::int64_t>::min()); }
    static constexpr Int max() noexcept { return Int(std::numeric_limits<std::int64_t>::max()); }

    friend constexpr bool operator==(Int, Int) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(Int, Int) noexcept = default;

    friend Int operator+(Int a, Int b) {
        std::int64_t r;
        if (__builtin_expect(__builtin_add_overflow(a.v, b.v, &r), 0)) {
            rt::raise_overflow();
        }
        return Int(r);
    }
    friend Int operator-(Int a, Int b) {
        std::int64_t r;
        if (__builtin_expect(__builtin_sub_overflow(a.v, b.v, &r), 0)) {
            rt::raise_overflow();
        }
        return Int(r);
    }
    friend Int operator*(Int a, Int b) {
        std::int64_t r;
        if (__builtin_expect(__builtin_mul_overflow(a.v, b.v, &r), 0)) {
            rt::raise_overflow();
        }
        return Int(r);
    }
    friend Int operator/(Int a, Int b) {
        if (__builtin_expect(b.v == 0, 0)) {
            rt::raise_division_by_zero();
        }
        if (__builtin_expect(b.v == -1, 0)) {
            return -a;
        }
        return Int(a.v / b.v);
    }
    friend Int operator%(Int a, Int b) {
        if (__builtin_expect(b.v == 0, 0)) {
            rt::raise_division_by_zero();
        }
        if (__builtin_expect(b.v == -1, 0)) {
            return Int(0);  // MIN % -1 would trap in hardware
        }
        return Int(a.v % b.v);
    }
    friend Int operator-(Int a) {
        if (__builtin_expect(a.v == std::numeric_limits<std::int64_t>::min(), 0)) {
            rt::raise_overflow();
        }
        return Int(-a.v);
    }
    friend constexpr Int operator+(Int a) noexcept { return a; }

    friend constexpr Int operator&(Int a, Int b) noexcept { return Int(a.v & b.v); }
    friend constexpr Int operator|(Int a, Int b) noexcept { return Int(a.v | b.v); }
    friend constexpr Int operator^(Int a, Int b) noexcept { return Int(a.v ^ b.v); }
    friend constexpr Int operator~(Int a) noexcept { return Int(~a.v); }
    friend Int operator<<(Int a, Int b) {
        if (__builtin_expect(b.v < 0, 0)) {
            rt::raise_negative_shift();
        }
        if (__builtin_expect(b.v >= 64, 0)) {
            if (a.v != 0) {
                rt::raise_overflow();
            }
            return a;
        }
        const auto r = static_cast<std::int64_t>(static_cast<std::uint64_t>(a.v) << b.v);
        if (__builtin_expect((r >> b.v) != a.v, 0)) {
            rt::raise_overflow();
        }
        return Int(r);
    }
    friend Int operator>>(Int a, Int b) {
        if (__builtin_expect(b.v < 0, 0)) {
            rt::raise_negative_shift();
        }
        return Int(a.v >> (b.v < 63 ? b.v : 63));  // arithmetic: 0 or -1 once all bits are out
    }

    Int& operator+=(Int b) { return *this = *this + b; }
    Int& operator-=(Int b) { return *this = *this - b; }
    Int& operator*=(Int b) { return *this = *this * b; }
    Int& operator/=(Int b) { return *this = *this / b; }
    Int& operator%=(Int b) { return *this = *this % b; }
    Int& operator&=(Int b) noexcept { return *this = *this & b; }
    Int& operator|=(Int b) noexcept { return *this = *this | b; }
    Int& operator^=(Int b) noexcept { return *this = *this ^ b; }
    Int& operator<<=(Int b) { return *this = *this << b; }
    Int& operator>>=(Int b) { return *this = *this >> b; }

    // Mixed with double: the int converts (rounding to nearest, as Python does).
    template <rt::Double D>
    friend constexpr double operator+(Int a, D b) noexcept {
        return static_cast<double>(a.v) + b;
    }
    template <rt::Double D>
    friend constexpr double operator+(D a, Int b) noexcept {
        return a + static_cast<double>(b.v);
    }
    template <rt::Double D>
    friend constexpr double operator-(Int a, D b) noexcept {
        return static_cast<double>(a.v) - b;
    }
    template <rt::Double D>
    friend constexpr double operator-(D a, Int b) noexcept {
        return a - static_cast<double>(b.v);
    }
    template <rt::Double D>
    friend constexpr double operator*(Int a, D b) noexcept {
        return static_cast<double>(a.v) * b;
    }
    template <rt::Double D>
    friend constexpr double operator*(D a, Int b) noexcept {
        return a * static_cast<double>(b.v);
    }
    template <rt::Double D>
    friend constexpr double operator/(Int a, D b) noexcept {
        return static_cast<double>(a.v) / b;
    }
    template <rt::Double D>
    friend constexpr double operator/(D a, Int b) noexcept {
        return a / static_cast<double>(b.v);
    }

    template <rt::Double D>
    friend constexpr bool operator==(Int a, D b) noexcept {
        return rt::compare_exact(a.v, b) == 0;
    }
    template <rt::Double D>
    friend constexpr std::partial_ordering operator<=>(Int a, D b) noexcept {
        return rt::compare_exact(a.v, b);
    }
};

static_assert(sizeof(Int) == 8);

}  // namespace pyro

template <>
struct std::hash<pyro::Int> {
    std::size_t operator()(pyro::Int x) const noexcept { return std::hash<std::int64_t>{}(x.v); }
};

template <>
struct fmt::formatter<pyro::Int> : fmt::formatter<std::int64_t> {
    template <class FormatContext>
    auto format(pyro::Int x, FormatContext& ctx) const {
        return fmt::formatter<std::int64_t>::format(x.v, ctx);
    }
};
