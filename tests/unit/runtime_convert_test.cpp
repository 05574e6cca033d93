// int(), float(), bool(), truthiness and range().
#include <cmath>
#include <limits>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Int;
using pyro::Str;
using namespace pyro::literals;
using runtime_test::error_of;

namespace {

std::vector<std::int64_t> collect(const pyro::Range& r) {
    std::vector<std::int64_t> out;
    for (const Int i : r) {
        out.push_back(i.v);
    }
    return out;
}

using V = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("runtime: int() of numbers", "[runtime]") {
    CHECK(pyro::to_int(3.9) == 3);
    CHECK(pyro::to_int(-3.9) == -3);
    CHECK(pyro::to_int(-0.0) == 0);
    CHECK(pyro::to_int(9223372036854774784.0) == Int(9223372036854774784));
    CHECK(pyro::to_int(-9223372036854775808.0) == Int::min());
    CHECK(pyro::to_int(true) == 1);
    CHECK(pyro::to_int(false) == 0);
    CHECK(pyro::to_int(Int(7)) == 7);
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(error_of([] { (void)pyro::to_int(std::nan("")); }) == "Error: cannot convert nan to int");
    CHECK(error_of([&] { (void)pyro::to_int(inf); }) == "Error: cannot convert inf to int");
    CHECK(error_of([&] { (void)pyro::to_int(-inf); }) == "Error: cannot convert -inf to int");
    CHECK(error_of([] { (void)pyro::to_int(1e20); }) == "Error: cannot convert 1e+20 to int");
    CHECK(error_of([] { (void)pyro::to_int(9223372036854775808.0); }) ==
          "Error: cannot convert 9.223372036854776e+18 to int");
}

TEST_CASE("runtime: int() of strings", "[runtime]") {
    CHECK(pyro::to_int("42"_s) == 42);
    CHECK(pyro::to_int(" -17 "_s) == -17);
    CHECK(pyro::to_int("+5"_s) == 5);
    CHECK(pyro::to_int("007"_s) == 7);
    CHECK(pyro::to_int("1_000_000"_s) == 1000000);
    CHECK(pyro::to_int("\t7\n"_s) == 7);
    CHECK(pyro::to_int("9223372036854775807"_s) == Int::max());
    CHECK(pyro::to_int("-9223372036854775808"_s) == Int::min());
    CHECK(error_of([] { (void)pyro::to_int("9223372036854775808"_s); }) ==
          "Error: integer overflow");
    CHECK(error_of([] { (void)pyro::to_int("-9223372036854775809"_s); }) ==
          "Error: integer overflow");
    CHECK(error_of([] { (void)pyro::to_int("abc"_s); }) ==
          "Error: invalid literal for int(): \"abc\"");
    CHECK(error_of([] { (void)pyro::to_int("a\"b\n"_s); }) ==
          "Error: invalid literal for int(): \"a\\\"b\\n\"");
    for (const Str& bad : {""_s, " "_s, "-"_s, "1_"_s, "_1"_s, "1__0"_s, "1.5"_s, "0x1F"_s, "--1"_s,
                           "1 2"_s, "+-1"_s}) {
        INFO("text: " << bad.std_string());
        CHECK(error_of([&] { (void)pyro::to_int(bad); }).starts_with("Error: invalid literal"));
    }
}

TEST_CASE("runtime: float() parses and converts", "[runtime]") {
    CHECK(pyro::to_float("1.5"_s) == 1.5);
    CHECK(pyro::to_float(" -2.5e3 "_s) == -2500.0);
    CHECK(pyro::to_float("1e3"_s) == 1000.0);
    CHECK(pyro::to_float("1E-2"_s) == 0.01);
    CHECK(pyro::to_float(".5"_s) == 0.5);
    CHECK(pyro::to_float("5."_s) == 5.0);
    CHECK(pyro::to_float("+7"_s) == 7.0);
    CHECK(pyro::to_float("1_000.5"_s) == 1000.5);
    CHECK(pyro::to_float("0.1"_s) == 0.1);
    CHECK(pyro::to_float("inf"_s) == std::numeric_limits<double>::infinity());
    CHECK(pyro::to_float("-Infinity"_s) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(pyro::to_float("nan"_s)));
    CHECK(std::isnan(pyro::to_float("-NaN"_s)));
    CHECK(pyro::to_float("1e400"_s) == std::numeric_limits<double>::infinity());
    CHECK(pyro::to_float("-1e400"_s) == -std::numeric_limits<double>::infinity());
    CHECK(pyro::to_float("1e-400"_s) == 0.0);
    CHECK(pyro::to_float(Int(3)) == 3.0);
    CHECK(pyro::to_float(true) == 1.0);
    CHECK(pyro::to_float(2.5) == 2.5);
    CHECK(error_of([] { (void)pyro::to_float("abc"_s); }) ==
          "Error: invalid literal for float(): \"abc\"");
    for (const Str& bad : {""_s, "."_s, "e5"_s, "1e"_s, "1e+"_s, "1.2.3"_s, "1_"_s, "_1"_s,
                           "nan(1)"_s, "0x10"_s, "1 2"_s, "--1"_s, "infx"_s}) {
        INFO("text: " << bad.std_string());
        CHECK(error_of([&] { (void)pyro::to_float(bad); }).starts_with("Error: invalid literal"));
    }
}

TEST_CASE("runtime: bool() and truthiness", "[runtime]") {
    CHECK_FALSE(pyro::truthy(Int(0)));
    CHECK(pyro::truthy(Int(-1)));
    CHECK_FALSE(pyro::truthy(0.0));
    CHECK_FALSE(pyro::truthy(-0.0));
    CHECK(pyro::truthy(std::nan("")));
    CHECK(pyro::truthy(0.5));
    CHECK_FALSE(pyro::truthy(""_s));
    CHECK(pyro::truthy("false"_s));
    CHECK_FALSE(pyro::truthy(pyro::void_));
    CHECK(pyro::truthy(true));
    CHECK_FALSE(pyro::truthy(pyro::range(0)));
    CHECK(pyro::truthy(pyro::range(1)));
    CHECK(pyro::to_bool(Int(2)));
    CHECK_FALSE(pyro::to_bool(""_s));
}

TEST_CASE("runtime: range iteration", "[runtime]") {
    CHECK(collect(pyro::range(5)) == V{0, 1, 2, 3, 4});
    CHECK(collect(pyro::range(2, 5)) == V{2, 3, 4});
    CHECK(collect(pyro::range(0, 10, 3)) == V{0, 3, 6, 9});
    CHECK(collect(pyro::range(5, 0, -1)) == V{5, 4, 3, 2, 1});
    CHECK(collect(pyro::range(5, 0, -2)) == V{5, 3, 1});
    CHECK(collect(pyro::range(-3, 3, 2)) == V{-3, -1, 1});
    CHECK(collect(pyro::range(0)).empty());
    CHECK(collect(pyro::range(-5)).empty());
    CHECK(collect(pyro::range(5, 2)).empty());
    CHECK(collect(pyro::range(0, 5, -1)).empty());
    CHECK(error_of([] { (void)pyro::range(0, 5, 0); }) == "Error: range step must not be zero");
    // At the ends of the int range nothing overflows.
    const Int max = Int::max();
    const Int min = Int::min();
    CHECK(collect(pyro::range(max - 2, max)) == V{max.v - 2, max.v - 1});
    CHECK(collect(pyro::range(min, min + 2)) == V{min.v, min.v + 1});
    CHECK(collect(pyro::range(max, min, min)) == V{max.v, -1});
    const Int quarter = Int(std::int64_t{1} << 62);
    CHECK(collect(pyro::range(min, max, quarter)) == V{min.v, min.v + quarter.v, 0, quarter.v});
    CHECK(pyro::range(min, max).size() == std::numeric_limits<std::uint64_t>::max());
    CHECK(error_of([&] { (void)pyro::len(pyro::range(min, max)); }) == "Error: integer overflow");
    CHECK(pyro::len(pyro::range(0, 10, 3)) == 4);
    CHECK(pyro::len(pyro::range(10, 0, -3)) == 4);
}

TEST_CASE("runtime: range equality compares elements", "[runtime]") {
    CHECK(pyro::range(0) == pyro::range(3, 3));
    CHECK(pyro::range(0, 3) == pyro::range(0, 3, 1));
    CHECK(pyro::range(0, 1, 5) == pyro::range(0, 1, 7));
    CHECK(pyro::range(0, 10, 3) == pyro::range(0, 11, 3));
    CHECK_FALSE(pyro::range(0, 3) == pyro::range(1, 4));
    CHECK_FALSE(pyro::range(0, 10, 2) == pyro::range(0, 10, 3));
}
