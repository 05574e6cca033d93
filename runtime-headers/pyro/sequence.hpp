// Helpers shared by the sequence types (lists, tuples): slicing a vector, structural equality
// and lexicographic order across element types, printing elements, sorting, and the
// LockFree trait that tells a mutable container whether comparing its elements may take
// another object's lock.
#pragma once

#include <algorithm>
#include <compare>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/int.hpp"
#include "pyro/print.hpp"
#include "pyro/range.hpp"
#include "pyro/repr.hpp"
#include "pyro/slice.hpp"
#include "pyro/str.hpp"
#include "pyro/void.hpp"

namespace pyro::rt {

// True when copying, comparing, hashing and printing a T never locks anything: the scalar
// types and immutable values made of them. A mutable container of such elements searches and
// sorts them under its own lock; of other elements (Any, instances, nested mutable
// containers, whose comparisons may lock other objects) it works on a snapshot instead, so
// that no thread ever holds two container locks (spin_lock.hpp).
template <class T>
struct LockFree : std::false_type {};
template <>
struct LockFree<Int> : std::true_type {};
template <>
struct LockFree<double> : std::true_type {};
template <>
struct LockFree<bool> : std::true_type {};
template <>
struct LockFree<Str> : std::true_type {};
template <>
struct LockFree<Void> : std::true_type {};
template <>
struct LockFree<Range> : std::true_type {};

template <class T>
inline constexpr bool lock_free_v = LockFree<T>::value;

template <class T>
std::vector<T> slice_vector(const std::vector<T>& items, const SliceArgs& args) {
    const SliceRange r = slice_range(args, items.size());
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(r.count));
    if (r.step == 1) {
        out.assign(items.begin() + r.start, items.begin() + r.start + r.count);
        return out;
    }
    std::int64_t i = r.start;
    for (std::int64_t k = 0; k < r.count; ++k, i += r.step) {
        out.push_back(items[static_cast<std::size_t>(i)]);
    }
    return out;
}

// a == b where the two types can be compared; values of types that cannot (an int and a
// string: `"a" in [1, 2]`) are simply never equal, as in Python.
template <class T, class U>
bool equal_or_false(const T& a, const U& b) {
    if constexpr (requires { a == b; }) {
        return bool(a == b);
    } else {
        return false;
    }
}

template <class T, class U>
bool seq_equal(const std::vector<T>& a, const std::vector<U>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const T& x, const U& y) { return x == y; });
}

// The three-way comparison of one element pair, as a partial ordering (floats may be nan).
template <class T, class U>
std::partial_ordering compare_elements(const T& x, const U& y) {
    if constexpr (std::three_way_comparable_with<T, U, std::partial_ordering>) {
        return x <=> y;
    } else {
        if (x < y) {
            return std::partial_ordering::less;
        }
        if (y < x) {
            return std::partial_ordering::greater;
        }
        return std::partial_ordering::equivalent;
    }
}

template <class T, class U>
std::partial_ordering seq_compare(const std::vector<T>& a, const std::vector<U>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = compare_elements(a[i], b[i]);
        if (c != 0) {
            return c;
        }
    }
    return a.size() <=> b.size();
}

// `open` elements `close`, each as it prints inside a container: [1, "a"].
template <class Range>
void append_elements(Buf& out, char open, const Range& items, char close) {
    out.push_back(open);
    bool first = true;
    for (const auto& x : items) {
        if (!first) {
            append(out, ", ");
        }
        first = false;
        append_repr(out, x);
    }
    out.push_back(close);
}

// Stable, as Python's sort; ints and strings, whose equal elements are identical, take the
// faster unstable sort.
template <class T>
void sort_vector(std::vector<T>& items) {
    const auto less = [](const T& x, const T& y) { return x < y; };
    if constexpr (std::is_same_v<T, Int> || std::is_same_v<T, Str> || std::is_same_v<T, bool>) {
        std::sort(items.begin(), items.end(), less);
    } else {
        std::stable_sort(items.begin(), items.end(), less);
    }
}

template <class T>
std::vector<T> repeat_vector(const std::vector<T>& items, Int count) {
    std::vector<T> out;
    if (count.v <= 0 || items.empty()) {
        return out;
    }
    std::size_t total;
    if (__builtin_mul_overflow(items.size(), static_cast<std::uint64_t>(count.v), &total) ||
        total > out.max_size()) {
        throw std::bad_alloc();
    }
    out.reserve(total);
    for (std::int64_t k = 0; k < count.v; ++k) {
        out.insert(out.end(), items.begin(), items.end());
    }
    return out;
}

// Calls f(std::integral_constant<std::size_t, I>) for the run-time index i < N.
template <std::size_t N, class F>
void with_index(std::size_t i, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (void)((i == I ? (f(std::integral_constant<std::size_t, I>{}), true) : false) || ...);
    }
    (std::make_index_sequence<N>{});
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_not_in_list(const std::string& repr) {
    raise_error(repr + " is not in list");
}

}  // namespace pyro::rt
