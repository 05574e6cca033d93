// The built-in functions of LANGUAGE.md 5.5 that work on values: abs min max sum sorted
// reversed enumerate zip map filter any all, list set dict tuple and the ...Mutable
// constructors, len, `in`, type, input, and int/float of an Any.
//
// They take any iterable (iterable.hpp) — static containers, ranges, strings, Anys — and
// return immutable lists where Python returns a list or an iterator (sorted, reversed,
// enumerate, zip, map, filter). min and max take one iterable or two or more values and
// raise `min() arg is an empty sequence` on an empty one; sums of ints are checked
// (`integer overflow`). sorted is stable. tuple(xs) has no static length, so it gives an Any
// holding a tuple. input([prompt]) reads one line without its newline and gives an Any: the
// string, or void at the end of input (its type is `string | void`).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/convert.hpp"
#include "pyro/dict.hpp"
#include "pyro/func.hpp"
#include "pyro/iterable.hpp"
#include "pyro/list.hpp"
#include "pyro/object.hpp"
#include "pyro/range.hpp"
#include "pyro/range_any.hpp"
#include "pyro/set.hpp"
#include "pyro/tuple.hpp"
#include "pyro/tuple_any.hpp"

namespace pyro {

namespace rt {

// f(x) whether f is a static function value or an Any.
template <class F, class X>
decltype(auto) apply1(const F& f, const X& x) {
    if constexpr (std::is_same_v<F, Any>) {
        return call(f, x);
    } else {
        return f(x);
    }
}

template <class T>
bool is_true(const T& x) {
    if constexpr (std::is_same_v<T, bool>) {
        return x;
    } else {
        return truthy(x);
    }
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_empty_sequence(const char* builtin) {
    raise_error(std::string(builtin) + "() arg is an empty sequence");
}

// dict(pairs) with a pair given as a list: it must have two elements (Python's message).
inline void check_pair_length(std::int64_t i, std::int64_t n) {
    if (n != 2) {
        raise_error("dictionary update sequence element #" + std::to_string(i) + " has length " +
                    std::to_string(n) + "; 2 is required");
    }
}

template <class Iterable, class Better>
element_t<Iterable> extreme(const Iterable& xs, const char* builtin, Better better) {
    const auto items = snapshot(xs);
    if (items.empty()) {
        raise_empty_sequence(builtin);
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < items.size(); ++i) {
        if (better(items[i], items[best])) {
            best = i;
        }
    }
    return items[best];
}

}  // namespace rt

inline Int abs(Int x) {
    return x.v < 0 ? -x : x;
}
template <rt::Double D>
double abs(D x) noexcept {
    return std::fabs(x);
}
inline Any abs(const Any& x) {
    if (x.is_int()) {
        return abs(x.int_value());
    }
    if (x.is_float()) {
        return std::fabs(x.float_value());
    }
    rt::raise_error("bad operand for abs(): " + x.type_name());
}

// min(xs) / max(xs): the first smallest (largest) element.
template <class Iterable>
auto min(const Iterable& xs) {
    return rt::extreme(xs, "min", [](const auto& a, const auto& b) { return a < b; });
}
template <class Iterable>
auto max(const Iterable& xs) {
    return rt::extreme(xs, "max", [](const auto& a, const auto& b) { return b < a; });
}
// min(a, b, ...) / max(a, b, ...): values of one type (the emitter converts mixed numbers).
template <class T, class... Ts>
requires(sizeof...(Ts) >= 1 && (std::is_same_v<T, Ts> && ...)) T
    min(const T& first, const Ts&... rest) {
    const T* best = &first;
    ((rest < *best ? void(best = &rest) : void()), ...);
    return *best;
}
template <class T, class... Ts>
requires(sizeof...(Ts) >= 1 && (std::is_same_v<T, Ts> && ...)) T
    max(const T& first, const Ts&... rest) {
    const T* best = &first;
    ((*best < rest ? void(best = &rest) : void()), ...);
    return *best;
}

// sum(xs): 0 plus the elements (ints checked, floats IEEE, anys dynamic).
template <class Iterable>
auto sum(const Iterable& xs) {
    using T = rt::element_t<Iterable>;
    const auto add_all = [](const auto& items) {
        if constexpr (std::is_same_v<T, Int>) {
            std::int64_t total = 0;
            for (const Int& x : items) {
                if (__builtin_add_overflow(total, x.v, &total)) [[unlikely]] {
                    rt::raise_overflow();
                }
            }
            return Int(total);
        } else {
            T total;
            if constexpr (std::is_same_v<T, double>) {
                total = 0.0;
            } else {
                total = T(Int(0));
            }
            for (const T& x : items) {
                total = total + x;
            }
            return total;
        }
    };
    if constexpr (requires { xs.with_items(add_all); }) {
        return xs.with_items(add_all);  // a ListMut: one pass under its lock
    } else if constexpr (requires { xs.begin(); } && !std::is_same_v<Iterable, Any>) {
        return add_all(xs);
    } else {
        return add_all(rt::snapshot(xs));
    }
}

template <class Iterable>
List<rt::element_t<Iterable>> sorted(const Iterable& xs) {
    auto items = rt::snapshot(xs);
    rt::sort_vector(items);
    return List<rt::element_t<Iterable>>(std::move(items));
}

template <class Iterable>
List<rt::element_t<Iterable>> reversed(const Iterable& xs) {
    auto items = rt::snapshot(xs);
    std::reverse(items.begin(), items.end());
    return List<rt::element_t<Iterable>>(std::move(items));
}

template <class Iterable>
List<Tuple<Int, rt::element_t<Iterable>>> enumerate(const Iterable& xs) {
    using T = rt::element_t<Iterable>;
    std::vector<Tuple<Int, T>> out;
    std::int64_t i = 0;
    for (auto& x : rt::snapshot(xs)) {
        out.emplace_back(Int(i++), std::move(x));
    }
    return List<Tuple<Int, T>>(std::move(out));
}

// zip(a, b, ...): tuples of corresponding elements, as long as the shortest.
template <class... Iterables>
requires(sizeof...(Iterables) >=
         1) List<Tuple<rt::element_t<Iterables>...>> zip(const Iterables&... xs) {
    const auto items = std::make_tuple(rt::snapshot(xs)...);
    const std::size_t n =
        std::apply([](const auto&... v) { return std::min({v.size()...}); }, items);
    std::vector<Tuple<rt::element_t<Iterables>...>> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(std::apply(
            [i](const auto&... v) { return Tuple<rt::element_t<Iterables>...>(v[i]...); }, items));
    }
    return List<Tuple<rt::element_t<Iterables>...>>(std::move(out));
}

template <class F, class Iterable>
auto map(const F& f, const Iterable& xs) {
    using R = std::decay_t<decltype(rt::apply1(f, std::declval<const rt::element_t<Iterable>&>()))>;
    std::vector<R> out;
    for (const auto& x : rt::snapshot(xs)) {
        out.push_back(rt::apply1(f, x));
    }
    return List<R>(std::move(out));
}

template <class F, class Iterable>
List<rt::element_t<Iterable>> filter(const F& f, const Iterable& xs) {
    std::vector<rt::element_t<Iterable>> out;
    for (auto& x : rt::snapshot(xs)) {
        if (rt::is_true(rt::apply1(f, x))) {
            out.push_back(std::move(x));
        }
    }
    return List<rt::element_t<Iterable>>(std::move(out));
}

template <class Iterable>
bool any(const Iterable& xs) {
    for (const auto& x : rt::snapshot(xs)) {
        if (rt::is_true(x)) {
            return true;
        }
    }
    return false;
}
template <class Iterable>
bool all(const Iterable& xs) {
    for (const auto& x : rt::snapshot(xs)) {
        if (!rt::is_true(x)) {
            return false;
        }
    }
    return true;
}

// list(xs), set(xs), dict(pairs), tuple(xs): new immutable collections from any iterable.
template <class Iterable>
List<rt::element_t<Iterable>> list(const Iterable& xs) {
    return List<rt::element_t<Iterable>>(rt::snapshot(xs));
}
template <class Iterable>
Set<rt::element_t<Iterable>> set(const Iterable& xs) {
    return Set<rt::element_t<Iterable>>(rt::snapshot(xs));
}
template <class Iterable>
auto dict(const Iterable& pairs) {
    using Pair = rt::element_t<Iterable>;
    if constexpr (std::is_same_v<Pair, Any>) {
        typename Dict<Any, Any>::Table table;
        std::int64_t i = 0;
        for (const Any& p : rt::snapshot(pairs)) {
            if (rt::is_kind(p, "list") || rt::is_kind(p, "list_mut")) {
                rt::check_pair_length(i, rt::len(p).v);
                table.insert_or_assign(rt::index(p, Any(0)), rt::index(p, Any(1)));
            } else {
                const auto kv = rt::from_any<Tuple<Any, Any>>(p);
                table.insert_or_assign(kv.template get<0>(), kv.template get<1>());
            }
            ++i;
        }
        return Dict<Any, Any>(std::move(table));
    } else if constexpr (requires { typename Pair::value_type; }) {
        // Pairs as 2-element lists: dict([[1, 2], [3, 4]]).
        using T = typename Pair::value_type;
        typename Dict<T, T>::Table table;
        std::int64_t i = 0;
        for (const Pair& p : rt::snapshot(pairs)) {
            const auto kv = rt::snapshot(p);
            rt::check_pair_length(i++, static_cast<std::int64_t>(kv.size()));
            table.insert_or_assign(kv[0], kv[1]);
        }
        return Dict<T, T>(std::move(table));
    } else {
        using K = std::decay_t<decltype(std::declval<Pair>().template get<0>())>;
        using V = std::decay_t<decltype(std::declval<Pair>().template get<1>())>;
        typename Dict<K, V>::Table table;
        for (const Pair& p : rt::snapshot(pairs)) {
            table.insert_or_assign(p.template get<0>(), p.template get<1>());
        }
        return Dict<K, V>(std::move(table));
    }
}
template <class Iterable>
Any tuple(const Iterable& xs) {
    return rt::make_dyn_tuple(rt::to_vector<Any>(xs));
}

// ListMutable(xs): a new mutable list with the elements of any iterable.
template <class Iterable>
ListMut<rt::element_t<Iterable>> list_mutable(const Iterable& xs) {
    return ListMut<rt::element_t<Iterable>>(rt::snapshot(xs));
}

inline Int len(const Any& a) {
    return rt::len(a);
}

// `x in c` for static containers (`contains` of a string is its own, in str_methods.hpp).
template <class C, class X>
requires requires(const C& c, const X& x) {
    c.contains(x);
}
bool contains(const C& c, const X& x) {
    return c.contains(x);
}
inline bool contains(const Range& r, Int x) noexcept {
    return rt::range_contains(r, x);
}
inline bool contains(const Any& c, const Any& x) {
    return rt::contains(c, x);
}

// type(x): the run-time type's name without parameters.
template <class T>
Str type(const T& x) {
    if constexpr (requires { x->type_name(); }) {
        return Str(x->type_name());
    } else if constexpr (requires { rt::FuncTraits<T>{}; }) {
        return Str(std::string_view("function"));
    } else {
        return Str(rt::kind_name(rt::TypeName<T>::name()));
    }
}

// int(x), float(x) of an Any.
inline Int to_int(const Any& a) {
    switch (a.tag()) {
        case Any::Tag::kInt:
            return a.int_value();
        case Any::Tag::kFloat:
            return to_int(a.float_value());
        case Any::Tag::kBool:
            return to_int(a.bool_value());
        case Any::Tag::kStr:
            return to_int(a.str_value());
        default:
            rt::raise_error("cannot convert " + a.type_name() + " to int");
    }
}
inline double to_float(const Any& a) {
    switch (a.tag()) {
        case Any::Tag::kInt:
            return to_float(a.int_value());
        case Any::Tag::kFloat:
            return a.float_value();
        case Any::Tag::kBool:
            return to_float(a.bool_value());
        case Any::Tag::kStr:
            return to_float(a.str_value());
        default:
            rt::raise_error("cannot convert " + a.type_name() + " to float");
    }
}

namespace rt {

// Where input() reads; null means the process's stdin (tests redirect it).
inline std::FILE* in_override = nullptr;

inline std::FILE* in_stream() noexcept {
    return in_override ? in_override : stdin;
}

}  // namespace rt

// input([prompt]): one line of stdin without its newline, or void at the end of input.
inline Any input() {
    rt::flush_out();  // a prompt written by print must show before the program waits
    char* line = nullptr;
    std::size_t capacity = 0;
    const ssize_t n = ::getline(&line, &capacity, rt::in_stream());
    if (n < 0) {
        std::free(line);
        return Any();
    }
    std::size_t size = static_cast<std::size_t>(n);
    if (size > 0 && line[size - 1] == '\n') {
        --size;
    }
    Str text{std::string_view(line, size)};
    std::free(line);
    return text;
}
inline Any input(const Str& prompt) {
    std::fwrite(prompt.data(), 1, prompt.size(), rt::out_stream());
    return input();
}

}  // namespace pyro
