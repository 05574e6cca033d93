// pyro::rt::TypeName<T>: a C++ type's Pyro name as a program would write it ("int",
// "chan<string>"), for text that names a type, such as how channels print (`<chan int>`).
//
// Value types add their own specialisation next to their definition (as Printer does); asking
// for the name of a type without one is a compile error.
#pragma once

#include <string>

#include "pyro/int.hpp"
#include "pyro/str.hpp"
#include "pyro/void.hpp"

namespace pyro::rt {

template <class T>
struct TypeName;

template <>
struct TypeName<Int> {
    static std::string name() { return "int"; }
};
template <>
struct TypeName<double> {
    static std::string name() { return "float"; }
};
template <>
struct TypeName<bool> {
    static std::string name() { return "bool"; }
};
template <>
struct TypeName<Str> {
    static std::string name() { return "string"; }
};
template <>
struct TypeName<Void> {
    static std::string name() { return "void"; }
};

template <class T>
std::string type_name() {
    return TypeName<T>::name();
}

}  // namespace pyro::rt
