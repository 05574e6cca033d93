// pyro::Void, the value of Pyro's `void` (what a function without a result gives, what
// `d.get(k)` gives for a missing key). A function returning void is a C++ `void` function;
// Void is only for places that need the void *value*: variables, containers, `any`. All void
// values are equal, and void is false as a condition.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstddef>
#include <functional>

namespace pyro {

struct Void {
    friend constexpr bool operator==(Void, Void) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(Void, Void) noexcept = default;
};

inline constexpr Void void_{};

}  // namespace pyro

template <>
struct std::hash<pyro::Void> {
    std::size_t operator()(pyro::Void) const noexcept { return 0x9e3779b97f4a7c15u; }
};

template <>
struct fmt::formatter<pyro::Void> : fmt::formatter<fmt::string_view> {
    template <class FormatContext>
    auto format(pyro::Void, FormatContext& ctx) const {
        return fmt::formatter<fmt::string_view>::format("void", ctx);
    }
};
