// Which Pyro type stands for a C++ parameter or result type (LANGUAGE.md section 8), or, when
// none does, why not. The rules:
//   integral types (char too)          -> int      bool                  -> bool
//   float, double                      -> float    void (results only)   -> void
//   std::string, std::string_view, const char*     -> string
//   std::vector<T>, T mappable                     -> list<T'>
// by value or by const reference (`const T&`). Everything else has no Pyro type: non-const and
// rvalue references, other pointers, enums, classes, long double, arrays, function types.
#pragma once

#include <string>

#include "bind/cpp_function.hpp"

namespace pyro2cpp::bind {

struct TypeMapping {
    std::string pyro;  // "int", "list<string>"; empty when the type has no Pyro type
    // When `pyro` is empty: the rest of a sentence about the type, to follow its spelling and
    // a comma, e.g. "a pointer, which has no Pyro type (only const char* maps, to string)".
    std::string why_not;

    bool ok() const { return !pyro.empty(); }
};

TypeMapping map_parameter_type(const CppType& type);
TypeMapping map_result_type(const CppType& type);

}  // namespace pyro2cpp::bind
