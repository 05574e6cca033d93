// Iterables in general: what `for x in xs` walks, and the elements of any iterable as a
// vector, for the builtins and methods that accept one (extend, sorted, sum, list(xs), ...).
//
// The protocol: an iterable either has begin()/end() (List, Set, Dict's keys, Range, a
// TupleMut of one type...), or is a mutable container exposing snapshot_elements() (the
// elements an iteration would produce, copied under its lock), or is a Str (characters) or
// an Any (whatever it holds). to_vector<T> converts each element to T: an Any element is
// checked with from_any<T>, anything else converts as C++ allows (Int to double, any to Any).
//
// rt::iter(xs) is what the emitter hands to a range-for: a copy of the handle (O(1)), so the
// loop keeps walking the value it started with even if the body reassigns the variable.
#pragma once

#include <iterator>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/range.hpp"
#include "pyro/str.hpp"
#include "pyro/str_chars.hpp"

namespace pyro::rt {

template <class T, class U>
T convert_element(const U& x) {
    if constexpr (std::is_same_v<U, Any> && !std::is_same_v<T, Any>) {
        return from_any<T>(x);
    } else {
        return T(x);
    }
}

template <class X>
struct ElementOf {
    using type = std::decay_t<decltype(*std::declval<const X&>().begin())>;
};
template <class X>
requires(
    !requires(const X& x) { x.begin(); } &&
    requires(const X& x) { x.snapshot_elements(); }) struct ElementOf<X> {
    using type = typename decltype(std::declval<const X&>().snapshot_elements())::value_type;
};
// A tuple of different element types (or a tuple_mut) walks its elements as Anys, as sema's
// iter_element says.
template <class X>
concept MixedTuple = requires {
    X::arity;
}
&&!requires(const X& x) {
    x.begin();
}
&&!requires(const X& x) {
    x.snapshot_elements();
};
template <MixedTuple X>
struct ElementOf<X> {
    using type = Any;
};
template <>
struct ElementOf<Str> {
    using type = Str;
};
template <>
struct ElementOf<Any> {
    using type = Any;
};

template <class X>
using element_t = typename ElementOf<std::decay_t<X>>::type;

template <class T, class Iterable>
std::vector<T> to_vector(const Iterable& xs) {
    using X = std::decay_t<Iterable>;
    std::vector<T> out;
    if constexpr (std::is_same_v<X, Any>) {
        for (const Any& x : elements_of(xs)) {
            out.push_back(convert_element<T>(x));
        }
    } else if constexpr (std::is_same_v<X, Str>) {
        for (Str c : chars(xs)) {
            out.push_back(convert_element<T>(c));
        }
    } else if constexpr (MixedTuple<X>) {
        auto add = [&out](const auto&... e) { (out.push_back(convert_element<T>(Any(e))), ...); };
        if constexpr (requires { xs.items(); }) {
            std::apply(add, xs.items());
        } else {
            std::apply(add, xs.snapshot().items());
        }
    } else if constexpr (requires { xs.snapshot_elements(); }) {
        auto items = xs.snapshot_elements();
        if constexpr (std::is_same_v<decltype(items), std::vector<T>>) {
            return items;
        } else {
            out.reserve(items.size());
            for (const auto& x : items) {
                out.push_back(convert_element<T>(x));
            }
        }
    } else {
        if constexpr (requires { xs.size(); }) {
            out.reserve(static_cast<std::size_t>(xs.size()));
        }
        for (const auto& x : xs) {
            out.push_back(convert_element<T>(x));
        }
    }
    return out;
}

// The elements of any iterable, in their own type.
template <class Iterable>
std::vector<element_t<Iterable>> snapshot(const Iterable& xs) {
    return to_vector<element_t<Iterable>>(xs);
}

template <class X>
X iter(const X& xs) {
    return xs;
}
inline CharRange iter(const Str& s) {
    return CharRange(s);
}
inline AnyRange iter(const Any& a) {
    return iterate(a);
}

}  // namespace pyro::rt
