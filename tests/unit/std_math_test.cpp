// std.math: results are floats for int and float arguments, IEEE answers for domain errors,
// round halves away from zero.
#include <pyro/std/math.hpp>

#include <cmath>
#include <limits>

#include "runtime_test_util.hpp"

using pyro::Int;
namespace math = pyro::math;

TEST_CASE("std: math constants and basic functions", "[std][math]") {
    CHECK(math::pi() == 3.141592653589793);
    CHECK(math::e() == 2.718281828459045);
    CHECK(math::abs(Int(-3)) == 3.0);
    CHECK(math::abs(-2.5) == 2.5);
    CHECK(math::abs(Int::min()) == 9223372036854775808.0);
    CHECK(math::ceil(2.1) == 3.0);
    CHECK(math::ceil(Int(2)) == 2.0);
    CHECK(math::floor(-2.1) == -3.0);
    CHECK(math::sqrt(Int(16)) == 4.0);
    CHECK(math::sqrt(2.0) == std::sqrt(2.0));
    CHECK(math::pow(Int(2), Int(10)) == 1024.0);
    CHECK(math::pow(2.0, -1.0) == 0.5);
    CHECK(math::pow(Int(2), 0.5) == std::sqrt(2.0));
    CHECK(math::exp(Int(0)) == 1.0);
    // Plain C++ numbers, for hand-written code.
    CHECK(math::sqrt(9) == 3.0);
}

TEST_CASE("std: math round halves away from zero", "[std][math]") {
    CHECK(math::round(2.5) == 3.0);
    CHECK(math::round(-2.5) == -3.0);
    CHECK(math::round(0.5) == 1.0);
    CHECK(math::round(1.5) == 2.0);
    CHECK(math::round(2.4999) == 2.0);
    CHECK(math::round(Int(7)) == 7.0);
    const double neg_zero = math::round(-0.4);
    CHECK((neg_zero == 0.0 && std::signbit(neg_zero)));
}

TEST_CASE("std: math trigonometry", "[std][math]") {
    CHECK(math::sin(Int(0)) == 0.0);
    CHECK(math::cos(Int(0)) == 1.0);
    CHECK(math::tan(0.0) == 0.0);
    CHECK(math::asin(Int(1)) == math::pi() / 2);
    CHECK(math::acos(Int(1)) == 0.0);
    CHECK(math::atan(Int(1)) == math::pi() / 4);
    CHECK(math::atan2(Int(1), Int(1)) == math::pi() / 4);
    CHECK(math::atan2(0.0, -1.0) == math::pi());
    CHECK(math::sin(math::pi() / 2) == 1.0);
}

TEST_CASE("std: math logarithms", "[std][math]") {
    CHECK(math::log(math::e()) == 1.0);
    CHECK(math::log(Int(8), Int(2)) == 3.0);
    CHECK(math::log(100.0, 10.0) == 2.0);
    CHECK(math::log2(Int(1024)) == 10.0);
    CHECK(math::log10(Int(1000)) == 3.0);
}

TEST_CASE("std: math domain and range errors follow IEEE", "[std][math]") {
    CHECK(std::isnan(math::sqrt(Int(-1))));
    CHECK(math::log(Int(0)) == -HUGE_VAL);
    CHECK(std::isnan(math::log(-1.0)));
    CHECK(math::log10(0.0) == -HUGE_VAL);
    CHECK(std::isnan(math::asin(Int(2))));
    CHECK(math::exp(1000.0) == HUGE_VAL);
    CHECK(math::pow(0.0, -1.0) == HUGE_VAL);
    CHECK(std::isnan(math::pow(-8.0, 1.0 / 3)));
    CHECK(math::log(Int(5), Int(1)) == HUGE_VAL);  // divides by log(1) == 0
}
