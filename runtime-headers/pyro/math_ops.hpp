// The arithmetic that has no C++ operator: Pyro's `**` and `%` with a float operand.
//
// Generated code writes `a ** b` as pyro::rt::pow(a, b) and `a % b` with a double operand as
// pyro::rt::mod(a, b). `int ** int` stays an int, checked like the other operators, and a
// negative exponent raises `negative exponent` (Pyro has no implicit int-to-float result).
// With a float on either side the result is a float following IEEE, as `1.0 / 0` does:
// `0.0 ** -1` is inf where Python would raise. `mod` on floats is fmod: the result takes the
// sign of the left operand, like `%` on ints.
#pragma once

#include <cmath>

#include "pyro/int.hpp"

namespace pyro::rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_negative_exponent() {
    raise_error("negative exponent");
}

// Exponentiation by squaring; the base is only squared while bits of the exponent remain, so
// every intermediate square is at most the result in magnitude and overflow is exact.
inline Int pow(Int base, Int exponent) {
    if (exponent.v < 0) {
        raise_negative_exponent();
    }
    std::int64_t result = 1;
    std::int64_t b = base.v;
    std::int64_t e = exponent.v;
    while (true) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, b, &result)) {
                raise_overflow();
            }
        }
        e >>= 1;
        if (e == 0) {
            break;
        }
        if (__builtin_mul_overflow(b, b, &b)) {
            raise_overflow();
        }
    }
    return Int(result);
}

template <Double D>
inline double pow(D base, D exponent) noexcept {
    return std::pow(base, exponent);
}
template <Double D>
inline double pow(Int base, D exponent) noexcept {
    return std::pow(static_cast<double>(base.v), exponent);
}
template <Double D>
inline double pow(D base, Int exponent) noexcept {
    return std::pow(base, static_cast<double>(exponent.v));
}

inline Int mod(Int a, Int b) {
    return a % b;
}

template <Double D>
inline double mod(D a, D b) noexcept {
    return std::fmod(a, b);
}
template <Double D>
inline double mod(Int a, D b) noexcept {
    return std::fmod(static_cast<double>(a.v), b);
}
template <Double D>
inline double mod(D a, Int b) noexcept {
    return std::fmod(a, static_cast<double>(b.v));
}

}  // namespace pyro::rt
