// Unions at run time (LANGUAGE.md 9): a union is an Any; where an `any` value is stored in a
// place whose written type is a union (`let x: int | string = v`, a parameter, a result),
// check_union tests that it is one of the members, as from_any does for a single type:
//   pyro::rt::check_union<pyro::Int, pyro::Str>(v)
// raises `type mismatch: expected int | string, got float`. An int where a float member is
// wanted (and no int member) widens to the float.
#pragma once

#include <string>

#include "pyro/any.hpp"
#include "pyro/type_name.hpp"

namespace pyro::rt {

template <class... T>
Any check_union(Any value) {
    if ((is<T>(value) || ...)) {
        return value;
    }
    Any widened;
    const bool converted =
        ((converts<T>(value) ? (widened = Any(from_any<T>(value)), true) : false) || ...);
    if (converted) {
        return widened;
    }
    std::string expected;
    ((expected += (expected.empty() ? "" : " | "), expected += TypeName<T>::name()), ...);
    raise_type_mismatch(expected, value.full_type_name());
}

}  // namespace pyro::rt
