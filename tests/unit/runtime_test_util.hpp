// Shared helpers for the runtime's unit tests: readable Catch2 output for Pyro values, a
// value's printed text, and a way to observe the Pyro error a piece of code raises.
#pragma once

#include <catch2/catch.hpp>
#include <pyro/pyro.hpp>

#include <string>

namespace Catch {

template <>
struct StringMaker<pyro::Int> {
    static std::string convert(pyro::Int x) { return std::to_string(x.v); }
};

template <>
struct StringMaker<pyro::Str> {
    static std::string convert(const pyro::Str& s) { return '"' + s.std_string() + '"'; }
};

}  // namespace Catch

namespace runtime_test {

// What `print(x)` would show for `x`.
std::string text(const auto& x) {
    return pyro::str(x).std_string();
}

// The text of the Pyro error `body` raises ("Error: division by zero"), or "<no error>".
template <class Body>
std::string error_of(Body&& body) {
    try {
        body();
    } catch (const pyro::rt::Raised& e) {
        return e.str();
    }
    return "<no error>";
}

}  // namespace runtime_test
