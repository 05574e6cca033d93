// The implementation of geo.hpp and geo_units.hpp, for programs that call the externs
// `pyro2cpp bind geo.hpp` generates. bind/geo_impl compiles it, so it keeps up with the header.
#include "geo.hpp"

#include <cmath>
#include <cstdarg>
#include <numbers>

namespace geo {

namespace {
int counter = 0;
}  // namespace

double hypot2(double x, double y) {
    return x * x + y * y;
}

int scale(int value, int factor) {
    return value * factor;
}
double scale(double value, double factor) {
    return value * factor;
}
std::vector<double> scale(const std::vector<double>& values, double factor) {
    std::vector<double> out;
    for (double v : values)
        out.push_back(v * factor);
    return out;
}

std::string greet(const std::string& name) {
    return "hello, " + name;
}

long long total(const std::vector<long long>& values) {
    long long sum = 0;
    for (long long v : values)
        sum += v;
    return sum;
}

std::vector<std::string> split(std::string_view text, const std::string& separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at; !separator.empty() && (at = text.find(separator, start)) != text.npos;
         start = at + separator.size()) {
        parts.emplace_back(text.substr(start, at - start));
    }
    parts.emplace_back(text.substr(start));
    return parts;
}

const char* version() {
    return "geo 1.0";
}
bool is_unit(double length) {
    return length == 1.0;
}

int clamp_index(int index, int size) {
    if (index < 0) return 0;
    return index >= size ? size - 1 : index;
}

void reset_counter() {
    counter = 0;
}

Opaque make_opaque(int id) {
    return Opaque(id);
}
int opaque_id(const Opaque& opaque) {
    return opaque.id();
}

int sum_all(int count, ...) {
    va_list args;
    va_start(args, count);
    int sum = 0;
    for (int i = 0; i < count; ++i)
        sum += va_arg(args, int);
    va_end(args);
    return sum;
}

namespace detail {
int round_half_up(double value) {
    return static_cast<int>(std::floor(value + 0.5));
}
}  // namespace detail

namespace units {
double degrees_to_radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}
double radians_to_degrees(double radians) {
    return radians * 180.0 / std::numbers::pi;
}
}  // namespace units

}  // namespace geo
