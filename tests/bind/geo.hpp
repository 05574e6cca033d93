// A small geometry library, the input of the bind/geo test: `pyro2cpp bind geo.hpp` must print
// exactly geo.expected.pyro. It has something of each kind bind handles: namespaces (one
// nested), overloads, strings, vectors, a `const char*` result, an unnamed parameter, a sibling
// header, and functions bind must skip (a class result, a template, a variadic function).
// geo.cpp implements it, so that a Pyro program can call the generated externs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "geo_units.hpp"

namespace geo {

// Has no Pyro type, so functions taking or returning it are skipped. Its members are not free
// functions: bind does not list them at all.
class Opaque {
public:
    explicit Opaque(int id) : id_(id) {}
    int id() const { return id_; }

private:
    int id_;
};

double hypot2(double x, double y);

int scale(int value, int factor);
double scale(double value, double factor);
std::vector<double> scale(const std::vector<double>& values, double factor);

std::string greet(const std::string& name);
long long total(const std::vector<long long>& values);
std::vector<std::string> split(std::string_view text, const std::string& separator);
const char* version();
bool is_unit(double length);
int clamp_index(int index, int);  // the size parameter is unnamed
void reset_counter();

Opaque make_opaque(int id);
int opaque_id(const Opaque& opaque);

template <typename T>
T largest(T a, T b) {
    return a < b ? b : a;
}

int sum_all(int count, ...);

namespace detail {
int round_half_up(double value);
}  // namespace detail

}  // namespace geo
