// The input of the bind/edge_cases test: every rule of `pyro2cpp bind` that geo.hpp, a
// realistic library, does not exercise. The expected output is edge_cases.expected.pyro.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "other/elsewhere.hpp"  // another directory: not listed

namespace edge {

struct Point {
    int x;
    int y;
    int norm() const;
    static Point origin();
};
// An out-of-line member definition, at namespace scope but not a free function: not listed.
int Point::norm() const {
    return x * x + y * y;
}

enum class Color { red, green };
enum Legacy { legacy_a, legacy_b };

// Every integral type is int (char too), float and double are float.
std::int64_t widen(std::uint8_t byte, char letter, short small, unsigned long long big, float f);
long double precise(long double x);
std::size_t length(const char* text);
const std::string& name_ref();
const int& limit_ref(const int& limit);
using Names = std::vector<std::string>;
Names sorted(Names names);
std::vector<std::vector<int>> grid(int size);
std::vector<bool> flags(const std::vector<std::string_view>& words);

// Types without a Pyro counterpart.
void by_reference(int& counter);
void by_rvalue(std::string&& text);
void by_pointer(int* value);
void fill(char* buffer, std::size_t size);
int paint(Color color);
Legacy legacy();
std::vector<Point> points();
std::u16string wide();
void callback(void (*fn)(int));
int many_problems(Point p, int& out);

// Functions bind skips whatever their types.
void forbidden(double) = delete;
bool operator==(Point a, Point b);
consteval int square(int x) {
    return x * x;
}
template <typename T>
T twice(T x);
template <>
int twice<int>(int x);
namespace {
inline int hidden() {
    return 0;
}
}  // namespace

// Overloads: Pyro tells them apart by parameter types; two with the same Pyro types (int and
// long both take an int) cannot be, so the second is skipped.
int pick();
int pick(int x);
long pick(long x);
int pick(double x);
int pick(const std::string& name, bool exact);

// Names: Pyro keywords get a trailing `_`, unnamed parameters are argN (moved aside when
// that name is taken), and names from a later declaration fill in a forward one's gaps.
int keywords(int from, int lambda, int pass);
int unnamed(int, int arg1);
int forward(int, int);
int forward(int first, int second);
int clash_x(int value);
namespace clash {
int x(int value);  // edge_clash_x is taken
}

auto deduced(int x) {
    return x * 2;
}
inline namespace v2 {
int versioned();
}
extern "C" int c_function(int value);
#define DECLARE(name) int name(int value);
DECLARE(from_macro)

#ifdef EDGE_EXTRA  // the test passes -DEDGE_EXTRA -DEDGE_EXTRA_NAME=extra after `--`
int EDGE_EXTRA_NAME(int value);
#endif

}  // namespace edge

int lambda(int x);
bool global_flag(bool flag);
