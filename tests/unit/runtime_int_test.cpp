// pyro::Int: checked arithmetic and its edges, mixing with double, pow and mod.
#include <cmath>
#include <limits>
#include <type_traits>
#include <unordered_set>

#include "runtime_test_util.hpp"

using pyro::Int;
using runtime_test::error_of;

namespace {

const Int kMax = Int::max();
const Int kMin = Int::min();
const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const std::string kOverflow = "Error: integer overflow";
const std::string kDivZero = "Error: division by zero";

// Kinds never change silently: no implicit bool or double -> Int, int op int stays Int.
static_assert(!std::is_convertible_v<bool, Int>);
static_assert(!std::is_convertible_v<double, Int>);
static_assert(std::is_convertible_v<int, Int>);
static_assert(std::is_same_v<decltype(Int(1) + 1), Int>);
static_assert(std::is_same_v<decltype(Int(1) + 1.0), double>);
static_assert(std::is_same_v<decltype(1.0 * Int(1)), double>);
static_assert(std::is_same_v<decltype(pyro::rt::pow(Int(2), 3)), Int>);
static_assert(std::is_same_v<decltype(pyro::rt::pow(Int(2), 0.5)), double>);

}  // namespace

TEST_CASE("runtime: Int arithmetic", "[runtime]") {
    CHECK(Int(2) + 3 == 5);
    CHECK(Int(2) - 5 == -3);
    CHECK(Int(-4) * 6 == -24);
    CHECK(-Int(7) == -7);
    CHECK(+Int(7) == 7);
    // `/` truncates toward zero, `%` takes the left operand's sign.
    CHECK(Int(7) / 2 == 3);
    CHECK(Int(-7) / 2 == -3);
    CHECK(Int(7) / -2 == -3);
    CHECK(Int(7) % 3 == 1);
    CHECK(Int(-7) % 3 == -1);
    CHECK(Int(7) % -3 == 1);
    CHECK(Int(-7) % -3 == -1);
    Int x = 10;
    x += 5;
    x -= 3;
    x *= 4;
    x /= 5;
    x %= 7;
    CHECK(x == 2);
    CHECK(kMax - 1 + 1 == kMax);
    CHECK(kMin + 1 - 1 == kMin);
}

TEST_CASE("runtime: Int overflow and division edges raise", "[runtime]") {
    CHECK(error_of([] { (void)(kMax + 1); }) == kOverflow);
    CHECK(error_of([] { (void)(kMin - 1); }) == kOverflow);
    CHECK(error_of([] { (void)(kMax * 2); }) == kOverflow);
    CHECK(error_of([] { (void)(kMin * -1); }) == kOverflow);
    CHECK(error_of([] { (void)(Int(1) << 63); }) == kOverflow);
    CHECK(error_of([] { (void)(-kMin); }) == kOverflow);
    CHECK(error_of([] { (void)(kMin / -1); }) == kOverflow);
    CHECK(kMin % -1 == 0);
    CHECK(kMin / 1 == kMin);
    CHECK(kMax / -1 == -kMax);
    CHECK(error_of([] { (void)(Int(5) / 0); }) == kDivZero);
    CHECK(error_of([] { (void)(Int(5) % 0); }) == kDivZero);
    CHECK(error_of([] { (void)(Int(0) / 0); }) == kDivZero);
    CHECK(error_of([] {
              Int y = kMax;
              y += 1;
          }) == kOverflow);
}

TEST_CASE("runtime: Int bit operations and shifts", "[runtime]") {
    CHECK((Int(0b1100) & 0b1010) == 0b1000);
    CHECK((Int(0b1100) | 0b1010) == 0b1110);
    CHECK((Int(0b1100) ^ 0b1010) == 0b0110);
    CHECK(~Int(0) == -1);
    CHECK((Int(1) << 62) == Int(std::int64_t{1} << 62));
    CHECK((Int(-1) << 63) == kMin);
    CHECK((Int(3) << 2) == 12);
    CHECK((Int(0) << 100) == 0);
    CHECK(error_of([] { (void)(Int(1) << 64); }) == kOverflow);
    CHECK(error_of([] { (void)(Int(3) << 62); }) == kOverflow);
    CHECK(error_of([] { (void)(kMin << 1); }) == kOverflow);
    CHECK(error_of([] { (void)(Int(1) << -1); }) == "Error: negative shift count");
    CHECK(error_of([] { (void)(Int(1) >> -1); }) == "Error: negative shift count");
    // >> is arithmetic: once every bit is out, 0 or -1.
    CHECK((Int(-8) >> 1) == -4);
    CHECK((Int(-1) >> 100) == -1);
    CHECK((Int(5) >> 64) == 0);
    CHECK((kMin >> 63) == -1);
    CHECK((kMax >> 62) == 1);
    Int z = 1;
    z <<= 4;
    z |= 1;
    z >>= 1;
    z ^= 3;
    z &= 0xff;
    CHECK(z == 11);
}

TEST_CASE("runtime: Int comparisons, mixed with double", "[runtime]") {
    CHECK(Int(1) < 2);
    CHECK(Int(2) >= 2);
    CHECK(Int(3) != 4);
    CHECK(2 > Int(1));
    CHECK(Int(1) == 1.0);
    CHECK(1.5 > Int(1));
    CHECK(Int(2) > 1.5);
    CHECK(Int(-2) < -1.5);
    // Exact: 2**53 + 1 is not the double 2**53 it would round to.
    const Int big = Int(std::int64_t{1} << 53) + 1;
    CHECK(big != 9007199254740992.0);
    CHECK(big > 9007199254740992.0);
    CHECK(kMax < 9223372036854775808.0);
    CHECK(kMin == -9223372036854775808.0);
    CHECK(kMin > -kInf);
    CHECK_FALSE(Int(0) == kNan);
    CHECK_FALSE(Int(0) < kNan);
    CHECK_FALSE(Int(0) >= kNan);
    CHECK(Int(0) != kNan);
    // Arithmetic with a double operand is double (IEEE, no error).
    CHECK(Int(1) + 0.5 == 1.5);
    CHECK(0.5 + Int(1) == 1.5);
    CHECK(Int(3) - 0.5 == 2.5);
    CHECK(2.0 * Int(3) == 6.0);
    CHECK(Int(1) / 4.0 == 0.25);
    CHECK(1.0 / Int(0) == kInf);
    CHECK(std::isnan(0.0 / Int(0)));
}

TEST_CASE("runtime: pow and mod", "[runtime]") {
    using pyro::rt::mod;
    using pyro::rt::pow;
    CHECK(pow(Int(2), 10) == 1024);
    CHECK(pow(Int(2), 62) == Int(std::int64_t{1} << 62));
    CHECK(pow(Int(-2), 63) == kMin);
    CHECK(pow(Int(-3), 3) == -27);
    CHECK(pow(Int(0), 0) == 1);
    CHECK(pow(Int(0), 5) == 0);
    CHECK(pow(Int(1), kMax) == 1);
    CHECK(pow(Int(-1), kMax) == -1);
    CHECK(pow(Int(3), 39) == Int(4052555153018976267));
    CHECK(error_of([] { (void)pow(Int(2), 63); }) == kOverflow);
    CHECK(error_of([] { (void)pow(Int(3), 40); }) == kOverflow);
    CHECK(error_of([] { (void)pow(Int(10), 19); }) == kOverflow);
    CHECK(error_of([] { (void)pow(Int(2), -1); }) == "Error: negative exponent");
    CHECK(pow(2.0, Int(3)) == 8.0);
    CHECK(pow(Int(4), 0.5) == 2.0);
    CHECK(pow(2.0, -1.0) == 0.5);
    CHECK(pow(0.0, -1.0) == kInf);
    CHECK(mod(Int(-7), 3) == -1);
    CHECK(error_of([] { (void)mod(Int(1), 0); }) == kDivZero);
    CHECK(mod(-7.5, 2.0) == -1.5);
    CHECK(mod(7.5, -2.0) == 1.5);
    CHECK(mod(Int(7), 2.5) == 2.0);
    CHECK(mod(7.5, Int(2)) == 1.5);
    CHECK(std::isnan(mod(1.0, Int(0))));
}

TEST_CASE("runtime: Int hash and fmt", "[runtime]") {
    std::unordered_set<Int> seen{Int(1), Int(2), Int(1)};
    CHECK(seen.size() == 2);
    CHECK(std::hash<Int>{}(Int(42)) == std::hash<Int>{}(Int(40) + 2));
    CHECK(fmt::format("{}|{:>4}|{:x}", Int(-7), Int(42), Int(255)) == "-7|  42|ff");
}
