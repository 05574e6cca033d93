// str(), print() and eprint(): float repr as Python's, each type's text, whole lines on
// redirected streams.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "runtime_test_util.hpp"

using pyro::Int;
using pyro::Str;
using namespace pyro::literals;

TEST_CASE("runtime: float repr matches Python", "[runtime]") {
    const double inf = std::numeric_limits<double>::infinity();
    // Expected texts are Python 3's repr() of the same values.
    const struct {
        double value;
        const char* text;
    } table[] = {
        {4.0, "4.0"},
        {0.1, "0.1"},
        {1e-05, "1e-05"},
        {2.5e-05, "2.5e-05"},
        {1e16, "1e+16"},
        {1.2345678901234568e+17, "1.2345678901234568e+17"},
        {123456789.0, "123456789.0"},
        {0.0001, "0.0001"},
        {-0.0, "-0.0"},
        {0.0, "0.0"},
        {1e22, "1e+22"},
        {5e-324, "5e-324"},
        {1.7976931348623157e+308, "1.7976931348623157e+308"},
        {0.1 + 0.2, "0.30000000000000004"},
        {100.0, "100.0"},
        {1e15, "1000000000000000.0"},
        {123456.789, "123456.789"},
        {1.5, "1.5"},
        {-1.5, "-1.5"},
        {3.141592653589793, "3.141592653589793"},
        {9007199254740992.0, "9007199254740992.0"},
        {9007199254740994.0, "9007199254740994.0"},
        {1.0 / 3, "0.3333333333333333"},
        {2.0 / 3, "0.6666666666666666"},
        {0.00012345, "0.00012345"},
        {9999999999999998.0, "9999999999999998.0"},
        {1e+100, "1e+100"},
        {1.23e-300, "1.23e-300"},
        {2.2250738585072014e-308, "2.2250738585072014e-308"},
        {-1e-7, "-1e-07"},
        {12345678901234567.0, "1.2345678901234568e+16"},
        {0.5, "0.5"},
        {100000.0, "100000.0"},
        {1e21, "1e+21"},
        {1e-10, "1e-10"},
        {6.02214076e23, "6.02214076e+23"},
        {-273.15, "-273.15"},
        {9223372036854775808.0, "9.223372036854776e+18"},
        {0.3, "0.3"},
        {2.675, "2.675"},
        {1.1, "1.1"},
        {7e-7, "7e-07"},
        {123e-20, "1.23e-18"},
        {4.35, "4.35"},
        {1e300 * 10, "1e+301"},
        {inf, "inf"},
        {-inf, "-inf"},
        {std::numeric_limits<double>::quiet_NaN(), "nan"},
        {-std::numeric_limits<double>::quiet_NaN(), "nan"},
    };
    for (const auto& row : table) {
        INFO("expected " << row.text);
        CHECK(pyro::str(row.value).view() == row.text);
        if (std::isfinite(row.value)) {  // and it reads back exactly
            CHECK(std::strtod(row.text, nullptr) == row.value);
        }
    }
}

TEST_CASE("runtime: str of each type", "[runtime]") {
    CHECK(pyro::str(Int(42)).view() == "42");
    CHECK(pyro::str(Int(-7)).view() == "-7");
    CHECK(pyro::str(Int::min()).view() == "-9223372036854775808");
    CHECK(pyro::str(true).view() == "true");
    CHECK(pyro::str(false).view() == "false");
    CHECK(pyro::str(pyro::void_).view() == "void");
    CHECK(pyro::str(2.5).view() == "2.5");
    const Str text = "as is, not quoted"_s;
    CHECK(pyro::str(text).data() == text.data());  // the same text, not a copy
    CHECK(pyro::str(pyro::range(5)).view() == "range(0, 5)");
    CHECK(pyro::str(pyro::range(0, 10, 2)).view() == "range(0, 10, 2)");
    CHECK(pyro::str(pyro::range(5, 0, -1)).view() == "range(5, 0, -1)");
}

TEST_CASE("runtime: print formats one line", "[runtime]") {
    CHECK(pyro::rt::format_line("a"_s, Int(1), 2.5, true, pyro::void_) == "a 1 2.5 true void\n");
    CHECK(pyro::rt::format_line() == "\n");
    CHECK(pyro::rt::format_line(""_s, ""_s) == " \n");
    CHECK(pyro::rt::format_line(1e16, -0.0, 42) == "1e+16 -0.0 42\n");
}

TEST_CASE("runtime: print and eprint write whole lines to their streams", "[runtime]") {
    char* out_text = nullptr;
    std::size_t out_size = 0;
    char* err_text = nullptr;
    std::size_t err_size = 0;
    std::FILE* out = open_memstream(&out_text, &out_size);
    std::FILE* err = open_memstream(&err_text, &err_size);
    REQUIRE(out != nullptr);
    REQUIRE(err != nullptr);
    pyro::rt::set_output(out, err);
    pyro::print("x ="_s, Int(3));
    pyro::print();
    // eprint flushes stdout first, so the lines above are already out.
    pyro::eprint("oops"_s, 1.5);
    const std::string out_after_eprint(out_text, out_size);
    const std::string err_after_eprint(err_text, err_size);
    pyro::rt::set_output(nullptr, nullptr);
    std::fclose(out);
    std::fclose(err);
    std::free(out_text);
    std::free(err_text);
    CHECK(out_after_eprint == "x = 3\n\n");
    CHECK(err_after_eprint == "oops 1.5\n");
}
