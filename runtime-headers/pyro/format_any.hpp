// f-string format specs (format.hpp) for the values of the data model: `f"{x:>8}"` where x is
// an `any` formats what it holds at run time, and a container, record, instance or function
// formats its str() text — with an empty spec only, as in Python, where `f"{[1]:>8}"` is an
// error: here `invalid format spec ">8" for list`.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "pyro/any.hpp"
#include "pyro/format.hpp"
#include "pyro/print.hpp"

namespace pyro::rt {

// Any value without a format of its own: its text, if the spec is empty.
template <class T>
requires(!std::is_same_v<T, Any> && !std::is_same_v<T, Int> && !std::is_same_v<T, bool> &&
         !std::is_same_v<T, Str> && !std::is_same_v<T, Void> && !Double<T>) Str
    format(const T& x, std::string_view spec) {
    if (!spec.empty()) {
        raise_bad_spec(spec, kind_name(type_name<T>()).c_str());
    }
    return pyro::str(x);
}

inline Str format(const Any& x, std::string_view spec) {
    switch (x.tag()) {
        case Any::Tag::kVoid:
            return format(void_, spec);
        case Any::Tag::kBool:
            return format(x.bool_value(), spec);
        case Any::Tag::kInt:
            return format(x.int_value(), spec);
        case Any::Tag::kFloat:
            return format(x.float_value(), spec);
        case Any::Tag::kStr:
            return format(x.str_value(), spec);
        case Any::Tag::kObject:
            break;
    }
    if (!spec.empty()) {
        raise_bad_spec(spec, x.type_name().c_str());
    }
    return pyro::str(x);
}

}  // namespace pyro::rt
