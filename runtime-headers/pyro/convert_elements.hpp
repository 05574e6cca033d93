// Immutable collections whose element types differ only as int and float (LANGUAGE.md 9:
// `int` and `float` join to `float`): `[1, 2] + [0.5]` is a list<float>, and a list<int>
// stored where a list<float> is expected is converted, element by element (a new list; the
// ints become floats, as they would one at a time). Nested immutable lists and tuples convert
// likewise. A fresh value (a literal, a comprehension, a copy such as ListMutable(xs)) may
// convert into a mutable kind or element type too (`let xs: list_mut<any> = ListMutable([1])`):
// sets and dicts convert like lists, and a mutable target gets a new container.
//
// pyro::rt::convert_elements<To>(x) gives x as the type To; pyro::rt::concat<To>(a, b) joins
// two lists (either may be a list_mut, read through a snapshot) into a To (a List or ListMut).
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/convert.hpp"
#include "pyro/dict.hpp"
#include "pyro/int.hpp"
#include "pyro/iterable.hpp"
#include "pyro/list.hpp"
#include "pyro/set.hpp"
#include "pyro/tuple.hpp"

namespace pyro::rt {

template <class To, class From>
To convert_elements(const From& x);

namespace detail {

template <class T>
struct IsList : std::false_type {};
template <class T>
struct IsList<List<T>> : std::true_type {};
template <class T>
struct IsList<ListMut<T>> : std::true_type {};

template <class T>
struct IsTuple : std::false_type {};
template <class... Ts>
struct IsTuple<Tuple<Ts...>> : std::true_type {};

template <class T>
struct IsTupleMut : std::false_type {};
template <class... Ts>
struct IsTupleMut<TupleMut<Ts...>> : std::true_type {
    using Frozen = Tuple<Ts...>;
};

template <class T>
struct IsSet : std::false_type {};
template <class T>
struct IsSet<Set<T>> : std::true_type {};
template <class T>
struct IsSet<SetMut<T>> : std::true_type {};

template <class T>
struct IsDict : std::false_type {};
template <class K, class V>
struct IsDict<Dict<K, V>> : std::true_type {};
template <class K, class V>
struct IsDict<DictMut<K, V>> : std::true_type {};

// The immutable value of x: a mutable tuple's current items.
template <class From>
decltype(auto) frozen(const From& x) {
    if constexpr (IsTupleMut<From>::value) {
        return x.snapshot();
    } else {
        return (x);
    }
}

template <class To, class... Fs, std::size_t... I>
To convert_tuple(const Tuple<Fs...>& t, std::index_sequence<I...>) {
    return To(from_items,
              typename To::Items(convert_elements<std::tuple_element_t<I, typename To::Items>>(
                  t.template get<I>())...));
}

}  // namespace detail

template <class To, class From>
To convert_elements(const From& x) {
    if constexpr (std::is_same_v<To, From>) {
        return x;
    } else if constexpr (std::is_same_v<To, double> && std::is_same_v<From, Int>) {
        return to_float(x);
    } else if constexpr (detail::IsList<To>::value) {
        using T = typename To::value_type;
        std::vector<T> out;
        for (const auto& e : snapshot(x)) {
            out.push_back(convert_elements<T>(e));
        }
        return To(std::move(out));
    } else if constexpr (detail::IsSet<To>::value) {
        using T = typename To::value_type;
        std::vector<T> out;
        for (const auto& e : snapshot(x)) {
            out.push_back(convert_elements<T>(e));
        }
        return To(out);
    } else if constexpr (detail::IsDict<To>::value) {
        using K = typename To::key_type;
        using V = typename To::mapped_type;
        typename Dict<K, V>::Table table;
        for (const auto& [k, v] : snapshot(x.items())) {
            table.insert_or_assign(convert_elements<K>(k), convert_elements<V>(v));
        }
        return To(Dict<K, V>(std::move(table)));
    } else if constexpr (detail::IsTuple<To>::value) {
        return detail::convert_tuple<To>(detail::frozen(x), std::make_index_sequence<To::arity>{});
    } else if constexpr (detail::IsTupleMut<To>::value) {
        using Frozen = typename detail::IsTupleMut<To>::Frozen;
        return To(convert_elements<Frozen>(x));
    } else {
        return To(x);
    }
}

// a + b for lists of different element types: a new list of the joined element type.
template <class To, class A, class B>
To concat(const A& a, const B& b) {
    using T = typename To::value_type;
    std::vector<T> out;
    for (const auto& e : snapshot(a)) {
        out.push_back(convert_elements<T>(e));
    }
    for (const auto& e : snapshot(b)) {
        out.push_back(convert_elements<T>(e));
    }
    return To(std::move(out));
}

}  // namespace pyro::rt
