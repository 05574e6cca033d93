// The bind round trip (tests/golden/interop_bind.pyro imports shapes.expected.pyro, which
// `pyro2cpp bind shapes.hpp` writes): a namespace, overloads, std::string and
// std::vector<long long> in both directions, and a function that cannot be bound.
#pragma once
#include <string>
#include <vector>

namespace shapes {

struct Canvas {
    int width = 0;
};

inline int area(int width, int height) { return width * height; }
inline double area(double width, double height) { return width * height; }
inline long long area(long long side) { return side * side; }

// Pyro cannot tell these apart (both take an int): the first is bound, by its C++ types.
inline int pick(int) { return 1; }
inline int pick(long) { return 2; }

inline std::string describe(const std::string& name, int sides) {
    return name + " has " + std::to_string(sides) + " sides";
}

inline std::vector<long long> squares(int count) {
    std::vector<long long> out;
    for (long long i = 1; i <= count; ++i) out.push_back(i * i);
    return out;
}

inline long long total(const std::vector<long long>& values) {
    long long sum = 0;
    for (long long v : values) sum += v;
    return sum;
}

inline std::vector<std::string> names() { return {"circle", "square"}; }

inline std::vector<std::string> labels(const std::vector<std::string>& names, const std::string& suffix) {
    std::vector<std::string> out;
    for (const std::string& n : names) out.push_back(n + suffix);
    return out;
}

inline Canvas make_canvas(int width) { return Canvas{width}; }

}  // namespace shapes
