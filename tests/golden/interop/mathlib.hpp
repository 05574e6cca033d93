// A small C++ library for the extern golden tests: every type of LANGUAGE.md 8 but lists.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mathlib {

inline double hypot2(double x, double y) { return x * x + y * y; }
inline int add_ints(int a, int b) { return a + b; }
inline std::uint8_t low_byte(unsigned value) { return static_cast<std::uint8_t>(value & 0xff); }
inline long long twice(long long v) { return 2 * v; }
inline bool is_even(short n) { return n % 2 == 0; }
inline float half(float x) { return x / 2; }
inline std::string greet(const std::string& name) { return "hello, " + name; }
inline std::size_t count_chars(std::string_view text) { return text.size(); }
inline const char* version() { return "mathlib 1.0"; }
inline int c_length(const char* text) { return static_cast<int>(std::string_view(text).size()); }
inline std::uint64_t huge() { return 18446744073709551615ull; }

inline int checked_sqrt(int n) {
    if (n < 0) throw std::domain_error("negative input: " + std::to_string(n));
    int r = 0;
    while ((r + 1) * (r + 1) <= n) ++r;
    return r;
}

inline int calls = 0;
inline void count_call() { ++calls; }
inline int call_count() { return calls; }

}  // namespace mathlib
