// Unpacking and run-time tuple indices: the checks behind `let a, b = xs` and `t[i] = v`.
//
// Unpacking a list (or an any) needs exactly as many elements as there are names; the
// messages are Python's (`too many values to unpack (expected 2)`, `not enough values to
// unpack (expected 2, got 1)`). A tuple_mut assigned at an index known only at run time
// (`t[i] = v`) stores into the slot chosen by i: each slot takes the value as its own type
// (an Any is converted with the usual check; sema makes sure some slot can take it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pyro/any.hpp"
#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/sequence.hpp"
#include "pyro/tuple.hpp"

namespace pyro::rt {

[[gnu::cold]] inline void raise_unpack(std::int64_t have, std::int64_t expected) {
    if (have > expected) {
        raise_error("too many values to unpack (expected " + std::to_string(expected) + ")");
    }
    raise_error("not enough values to unpack (expected " + std::to_string(expected) + ", got " +
                std::to_string(have) + ")");
}

// `have` is the length of the value being unpacked into `expected` names.
inline void check_unpack(Int have, std::int64_t expected) {
    if (have.v != expected) {
        raise_unpack(have.v, expected);
    }
}

namespace detail {

template <std::size_t I, class... Ts, class U>
void tuple_store(const TupleMut<Ts...>& t, const U& value) {
    using T = std::tuple_element_t<I, std::tuple<Ts...>>;
    if constexpr (std::is_same_v<U, T>) {
        t.template set<I>(value);
    } else if constexpr (std::is_same_v<U, Any>) {
        t.template set<I>(from_any<T>(value));
    } else {
        t.template set<I>(T(value));
    }
}

}  // namespace detail

// t[i] = value on a tuple_mut, i known only at run time (negative counts from the end).
template <class... Ts, class U>
void tuple_set(const TupleMut<Ts...>& t, Int i, const U& value) {
    const std::size_t at = normalize_index(i, sizeof...(Ts));
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (void)((I == at ? (detail::tuple_store<I>(t, value), true) : false) || ...);
    }
    (std::index_sequence_for<Ts...>{});
}

}  // namespace pyro::rt
