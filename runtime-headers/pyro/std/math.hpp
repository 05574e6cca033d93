// std.math: floating-point functions (LANGUAGE.md 7).
//
// Every function takes ints or floats and returns a float, as the language says, so
// `math.floor(2.5)` is `2.0` and `math.abs(-3)` is `3.0`. Nothing raises: domain and range
// errors give what IEEE 754 gives (`sqrt(-1)` is nan, `log(0)` is -inf, `exp(1000)` is inf),
// which is what the C library returns. `round` halves away from zero (`round(2.5)` is 3.0,
// `round(-0.5)` is -1.0), unlike Python's banker's rounding. `log(x, base)` is
// log(x) / log(base).
//
// Generated code calls these as pyro::math::NAME; an `any` argument is converted to `float` at
// the call (a checked conversion, like any typed parameter), so only static numbers reach here.
#pragma once

#include <cmath>
#include <concepts>
#include <numbers>

#include "pyro/int.hpp"

namespace pyro::math {

namespace detail {

// What the functions accept: Pyro's int and float, and plain C++ numbers for hand-written code.
template <class T>
concept Real =
    std::same_as<T, Int> || std::same_as<T, double> || std::same_as<T, float> || rt::FitsInt<T>;

template <Real T>
double to_double(T x) noexcept {
    if constexpr (std::same_as<T, Int>) {
        return static_cast<double>(x.v);
    } else {
        return static_cast<double>(x);
    }
}

// A function of one number: `F` on a double, called with any Real.
template <class F>
struct Unary {
    F f;
    template <Real X>
    double operator()(X x) const noexcept {
        return f(to_double(x));
    }
};

}  // namespace detail

inline constexpr double pi() noexcept {
    return std::numbers::pi;
}
inline constexpr double e() noexcept {
    return std::numbers::e;
}

// The functions of one number, each the C library's function of a double.
inline constexpr detail::Unary abs{[](double x) { return std::fabs(x); }};
inline constexpr detail::Unary ceil{[](double x) { return std::ceil(x); }};
inline constexpr detail::Unary floor{[](double x) { return std::floor(x); }};
// std::round rounds halfway cases away from zero, which is what Pyro specifies.
inline constexpr detail::Unary round{[](double x) { return std::round(x); }};
inline constexpr detail::Unary sqrt{[](double x) { return std::sqrt(x); }};
inline constexpr detail::Unary sin{[](double x) { return std::sin(x); }};
inline constexpr detail::Unary cos{[](double x) { return std::cos(x); }};
inline constexpr detail::Unary tan{[](double x) { return std::tan(x); }};
inline constexpr detail::Unary asin{[](double x) { return std::asin(x); }};
inline constexpr detail::Unary acos{[](double x) { return std::acos(x); }};
inline constexpr detail::Unary atan{[](double x) { return std::atan(x); }};
inline constexpr detail::Unary log2{[](double x) { return std::log2(x); }};
inline constexpr detail::Unary log10{[](double x) { return std::log10(x); }};
inline constexpr detail::Unary exp{[](double x) { return std::exp(x); }};

template <detail::Real X, detail::Real Y>
double pow(X x, Y y) noexcept {
    return std::pow(detail::to_double(x), detail::to_double(y));
}
template <detail::Real Y, detail::Real X>
double atan2(Y y, X x) noexcept {
    return std::atan2(detail::to_double(y), detail::to_double(x));
}

template <detail::Real X>
double log(X x) noexcept {
    return std::log(detail::to_double(x));
}
// Python's math.log(x, base); base 1 divides by zero and gives inf or nan, as IEEE says.
template <detail::Real X, detail::Real B>
double log(X x, B base) noexcept {
    return std::log(detail::to_double(x)) / std::log(detail::to_double(base));
}

}  // namespace pyro::math
