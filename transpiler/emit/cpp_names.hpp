// The one fixed table that turns a Pyro name into a C++ identifier.
//
// Pyro names are kept as they are, except those C++ reserves or that would clash with the
// runtime or the C library: keywords (`class`, `new`, `and`), macros (`errno`, `EOF`,
// `NULL`, `assert`), `main`, `std`, names starting with `pyro` (the runtime's and the
// generated code's own names), and identifiers C++ reserves to the implementation (starting
// with `_` or containing `__`). Sema uses it when it names variables and functions, because
// only sema knows which names are visible where (and so when a fresh `x_2` is needed); emit
// uses it for everything else.
#pragma once

#include <string>
#include <string_view>

namespace pyro2cpp::emit {

// The C++ spelling of a Pyro identifier (not yet made unique in its scope).
std::string cpp_identifier(std::string_view pyro_name);

// True when `name` is on the fixed list (keywords, macros, main, std, ...).
bool is_reserved_in_cpp(std::string_view name);

}  // namespace pyro2cpp::emit
