// Pyro names for C++ functions and parameters, for `pyro2cpp bind`.
//
// The scheme, chosen to be readable and to stay put when a header grows:
// - A function's name is its qualified C++ name with `::` as `_`: `geo::hypot2` is
//   `geo_hypot2`, `geo::detail::norm` is `geo_detail_norm`.
// - Overloads that are bound (two or more with one C++ name) are told apart by their Pyro
//   parameter types: `geo_scale_int`, `geo_scale_float_float`, `geo_scale_list_int` (for
//   `list<int>`); an overload without parameters keeps the plain name. Suffixes come from
//   the types, not the order, so adding an overload leaves the others' names alone.
// - A name that is still taken (`geo_x::y` and `geo::x_y`) gets `_2`, `_3`... in declaration
//   order.
// - A Pyro keyword gets a trailing `_` (`from` is `from_`). An unnamed parameter N (from 1)
//   is `argN`, or `argN_` if a named parameter is called `argN`; a parameter name that would
//   clash with another (`from` and `from_`) gets more `_`.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pyro2cpp::bind {

bool is_pyro_keyword(std::string_view word);

// A C++ identifier as a Pyro one: a keyword gets a trailing `_`; a character Pyro names may not
// contain (GNU C++ allows `$`) becomes `_`.
std::string pyro_identifier(std::string_view cpp_identifier);

// "geo::detail::norm" -> "geo_detail_norm".
std::string function_base_name(std::string_view qualified_name);

// {"int", "list<string>"} -> "int_list_string".
std::string type_suffix(const std::vector<std::string>& pyro_types);

// Names for a function's parameters, in order, given their C++ names ("" when unnamed).
std::vector<std::string> parameter_names(const std::vector<std::string>& cpp_names);

// The function names given out so far in one generated file.
class NameTable {
public:
    // `wanted` if it is free, else the first free one of `wanted_2`, `wanted_3`, ...
    std::string claim(const std::string& wanted);

private:
    std::set<std::string> taken_;
};

}  // namespace pyro2cpp::bind
