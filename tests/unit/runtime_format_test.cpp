// pyro::rt::format, the f-string `{x:spec}`: Python's format-spec semantics.
#include <limits>
#include <string>
#include <variant>

#include "runtime_test_util.hpp"

using pyro::Int;
using pyro::Str;
using namespace pyro::literals;
using runtime_test::error_of;

namespace {

using Val = std::variant<Int, double, Str>;

const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

std::string format(const Val& value, const char* spec) {
    return std::visit([&](const auto& x) { return pyro::rt::format(x, spec).std_string(); }, value);
}

}  // namespace

TEST_CASE("runtime: format specs behave as in Python", "[runtime]") {
    // Expected texts are Python 3's format(value, spec).
    const struct {
        Val value;
        const char* spec;
        const char* text;
    } table[] = {
        {3.14159, ".2f", "3.14"},
        {Int(42), ">5", "   42"},
        {Int(42), "<5", "42   "},
        {"ab"_s, "^7", "  ab   "},
        {Int(42), "05d", "00042"},
        {Int(1234567), ",", "1,234,567"},
        {Int(255), "x", "ff"},
        {Int(255), "#x", "0xff"},
        {Int(255), "X", "FF"},
        {12345.678, "e", "1.234568e+04"},
        {0.256, ".1%", "25.6%"},
        {0.5, "%", "50.000000%"},
        {Int(1234), "09,", "0,001,234"},
        {Int(1234), "010,", "00,001,234"},
        {Int(11259375), "010_x", "0_00ab_cdef"},
        {Int(-1234), "+010,", "-0,001,234"},
        {Int(255), "#010x", "0x000000ff"},
        {"ab"_s, "x<7", "abxxxxx"},
        {3.14159, "x<7.2f", "3.14xxx"},
        {1.0, ".3", "1.0"},
        {100.0, ".2", "1e+02"},
        {2.5, ".0", "2e+00"},
        {1234567.891, ",.2f", "1,234,567.89"},
        {1234567.891, ",", "1,234,567.891"},
        {Int(255), "_b", "1111_1111"},
        {1e+16, "", "1e+16"},
        {1.5, "10", "       1.5"},
        {Int(-255), "x", "-ff"},
        {Int(-255), "#X", "-0XFF"},
        {1.5, ".0f", "2"},
        {1.5, "#.0f", "2."},
        {2.5, ".0f", "2"},
        {-0.0, "", "-0.0"},
        {0.0, "+", "+0.0"},
        {Int(5), " d", " 5"},
        {Int(3), ">+5", "   +3"},
        {kNan, "010", "0000000nan"},
        {kInf, ".2f", "inf"},
        {-kInf, "F", "-INF"},
        {-3.14159, "010.2f", "-000003.14"},
        {Int(5), "=+8", "+      5"},
        {Int(5), "<05", "50000"},
        {"ab"_s, "05", "ab000"},
        {"h\xc3\xa9llo"_s, ".2", "h\xc3\xa9"},
        {"h\xc3\xa9llo"_s, ">7", "  h\xc3\xa9llo"},
        {"\xe6\x97\xa5\xe6\x9c\xac"_s, "*^6", "**\xe6\x97\xa5\xe6\x9c\xac**"},
        {Int(233), "c", "\xc3\xa9"},
        {Int(42), ".2f", "42.00"},
        {Int(42), "e", "4.200000e+01"},
        {1234567.0, ".3g", "1.23e+06"},
        {1e-05, "g", "1e-05"},
        {0.0001, ".3", "0.0001"},
        {12345.6789, "012,.2f", "0,012,345.68"},
        {Int(-42), "b", "-101010"},
        {Int(8), "o", "10"},
        {Int(8), "#o", "0o10"},
        {1.23456789e-07, ".3e", "1.235e-07"},
        {123.456, "E", "1.234560E+02"},
        {2.5, "g", "2.5"},
        {1e+100, ".3", "1e+100"},
        {Int(-5), "06", "-00005"},
        {Int(7), "", "7"},
        {"x"_s, "", "x"},
        {-1.5, "^9", "  -1.5   "},
        {0.1, ".17", "0.10000000000000001"},
        {Int(255), "_x", "ff"},
        {1000000.0, ",.1f", "1,000,000.0"},
        {-0.001, ".1f", "-0.0"},
        {Int(123), "#b", "0b1111011"},
        {0.000123, "\xc2\xb7>10.2e",
         "\xc2\xb7\xc2\xb7"
         "1.23e-04"},
        {Int(65), "3c", "  A"},
        {Int(0x1F600), "c", "\xf0\x9f\x98\x80"},
        {Int(0x20AC), "c", "\xe2\x82\xac"},
        {1.5, "+.1%", "+150.0%"},
        {12345.6789, "_.2f", "12_345.68"},
    };
    for (const auto& row : table) {
        INFO("spec \"" << row.spec << "\", expected \"" << row.text << "\"");
        CHECK(format(row.value, row.spec) == row.text);
    }
}

TEST_CASE("runtime: format of bool and void", "[runtime]") {
    CHECK(pyro::rt::format(true, ">6").view() == "  true");
    CHECK(pyro::rt::format(false, "").view() == "false");
    CHECK(pyro::rt::format(true, "d").view() == "1");
    CHECK(pyro::rt::format(pyro::void_, "^8").view() == "  void  ");
}

TEST_CASE("runtime: a bad format spec raises", "[runtime]") {
    CHECK(error_of([] { (void)pyro::rt::format(Int(1), ".2"); }) ==
          "Error: invalid format spec \".2\" for int");
    CHECK(error_of([] { (void)pyro::rt::format(Int(1), "s"); }) ==
          "Error: invalid format spec \"s\" for int");
    CHECK(error_of([] { (void)pyro::rt::format(Int(1), ",x"); }) ==
          "Error: invalid format spec \",x\" for int");
    CHECK(error_of([] { (void)pyro::rt::format(1.5, "d"); }) ==
          "Error: invalid format spec \"d\" for float");
    CHECK(error_of([] { (void)pyro::rt::format("ab"_s, "d"); }) ==
          "Error: invalid format spec \"d\" for string");
    CHECK(error_of([] { (void)pyro::rt::format("ab"_s, "+"); }) ==
          "Error: invalid format spec \"+\" for string");
    CHECK(error_of([] { (void)pyro::rt::format("ab"_s, "=5"); }) ==
          "Error: invalid format spec \"=5\" for string");
    CHECK(error_of([] { (void)pyro::rt::format(1.5, "5q"); }) ==
          "Error: invalid format spec \"5q\" for float");
    CHECK(error_of([] { (void)pyro::rt::format(1.5, "."); }) ==
          "Error: invalid format spec \".\" for float");
    CHECK(error_of([] { (void)pyro::rt::format(1.5, ".2ff"); }) ==
          "Error: invalid format spec \".2ff\" for float");
    CHECK(error_of([] { (void)pyro::rt::format(Int(-1), "c"); }) ==
          "Error: invalid format spec \"c\" for int");
}
