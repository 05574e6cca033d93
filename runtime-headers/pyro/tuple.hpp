// pyro::Tuple<Ts...> (`tuple<...>`) and pyro::TupleMut<Ts...> (`tuple_mut<...>`).
//
// A Tuple is an immutable value held inline (a std::tuple): copying copies its elements, which
// are themselves O(1) to copy. Elements are read with get<I>() — the emitter always knows the
// index statically — and structured bindings work (`auto [x, y] = t;`), which is how `let x,
// y = t` unpacks. Tuples compare structurally and lexicographically (across element types:
// (1, 2) == (1.0, 2.0)), hash, concatenate (`+` gives Tuple<Ts..., Us...>) and print as
// Python's: `(1, "a")`, `(1,)`, `()`.
//
// A TupleMut is a shared reference to a tuple under a SpinLock: get<I>() and set<I>(v)
// (`t[1] = v`) are each atomic. A tuple whose elements all have one type can be iterated
// (rt::iter gives its elements as a vector); a mixed one iterates as Any (tuple_any.hpp).
#pragma once

#include <compare>
#include <memory>
#include <mutex>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/hash.hpp"
#include "pyro/sequence.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"

namespace pyro {

namespace rt {

struct FromItems {};
inline constexpr FromItems from_items{};

// The one element type of a homogeneous tuple; void for a mixed or empty one.
template <class... Ts>
struct CommonElement {
    using type = void;
};
template <class T, class... Ts>
requires(std::is_same_v<T, Ts>&&...) struct CommonElement<T, Ts...> {
    using type = T;
};

template <class... Ts, class... Us, std::size_t... I>
bool tuple_equal(const std::tuple<Ts...>& a, const std::tuple<Us...>& b,
                 std::index_sequence<I...>) {
    return ((std::get<I>(a) == std::get<I>(b)) && ...);
}

template <class... Ts, class... Us, std::size_t... I>
std::partial_ordering tuple_compare(const std::tuple<Ts...>& a, const std::tuple<Us...>& b,
                                    std::index_sequence<I...>) {
    std::partial_ordering result = std::partial_ordering::equivalent;
    // Stops at the first element pair that differs.
    (void)((result = compare_elements(std::get<I>(a), std::get<I>(b)), result == 0) && ...);
    if (result != 0) {
        return result;
    }
    return sizeof...(Ts) <=> sizeof...(Us);
}

template <class Tup>
void append_tuple(Buf& out, const Tup& items) {
    out.push_back('(');
    std::apply(
        [&out](const auto&... xs) {
            std::size_t i = 0;
            ((i++ > 0 ? append(out, ", ") : void(), append_repr(out, xs)), ...);
        },
        items);
    if (std::tuple_size_v<Tup> == 1) {
        out.push_back(',');
    }
    out.push_back(')');
}

template <class... Ts>
std::string tuple_type_name(const char* kind) {
    std::string name = kind;
    name += '<';
    std::size_t i = 0;
    ((name += (i++ > 0 ? ", " : ""), name += TypeName<Ts>::name()), ...);
    name += '>';
    return name;
}

}  // namespace rt

template <class... Ts>
class Tuple {
public:
    using Items = std::tuple<Ts...>;
    static constexpr std::size_t arity = sizeof...(Ts);

    Tuple() = default;
    Tuple(Ts... xs) requires(sizeof...(Ts) > 0) : items_(std::move(xs)...) {}
    // From a std::tuple (tagged: a one-element Tuple would otherwise take either form).
    Tuple(rt::FromItems, Items items) : items_(std::move(items)) {}

    template <std::size_t I>
    const auto& get() const noexcept {
        return std::get<I>(items_);
    }
    const Items& items() const noexcept { return items_; }
    static constexpr Int len() noexcept { return Int(static_cast<std::int64_t>(arity)); }

    template <class U>
    bool contains(const U& x) const {
        // An element of a type that cannot equal x is simply not it.
        const auto equal = [&x](const auto& e) {
            if constexpr (requires { e == x; }) {
                return bool(e == x);
            } else {
                return false;
            }
        };
        return std::apply([&equal](const auto&... e) { return (equal(e) || ...); }, items_);
    }

    // The elements of a tuple of one type (for iteration and the builtins).
    std::vector<typename rt::CommonElement<Ts...>::type> snapshot_elements() const
        requires(!std::is_void_v<typename rt::CommonElement<Ts...>::type>) {
        return std::apply([](const auto&... e) { return std::vector{e...}; }, items_);
    }

    template <class... Us>
    friend Tuple<Ts..., Us...> operator+(const Tuple& a, const Tuple<Us...>& b) {
        return Tuple<Ts..., Us...>(rt::from_items, std::tuple_cat(a.items(), b.items()));
    }
    template <class... Us>
    requires(sizeof...(Us) == sizeof...(Ts)) friend bool operator==(const Tuple& a,
                                                                    const Tuple<Us...>& b) {
        return rt::tuple_equal(a.items(), b.items(), std::index_sequence_for<Ts...>{});
    }
    template <class... Us>
    requires(sizeof...(Us) != sizeof...(Ts)) friend bool operator==(const Tuple&,
                                                                    const Tuple<Us...>&) {
        return false;
    }
    template <class... Us>
    friend std::partial_ordering operator<=>(const Tuple& a, const Tuple<Us...>& b) {
        constexpr std::size_t n = sizeof...(Ts) < sizeof...(Us) ? sizeof...(Ts) : sizeof...(Us);
        std::partial_ordering result = std::partial_ordering::equivalent;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (void)((result = rt::compare_elements(std::get<I>(a.items()), std::get<I>(b.items())),
                    result == 0) &&
                   ...);
        }
        (std::make_index_sequence<n>{});
        return result != 0 ? result : sizeof...(Ts) <=> sizeof...(Us);
    }

private:
    Items items_;
};

template <class... Ts>
class TupleMut {
    struct State {
        mutable rt::SpinLock lock;
        std::tuple<Ts...> items;
    };

public:
    static constexpr std::size_t arity = sizeof...(Ts);

    TupleMut() : state_(std::make_shared<State>()) {}
    TupleMut(Ts... xs) requires(sizeof...(Ts) > 0) : state_(std::make_shared<State>()) {
        state_->items = std::tuple<Ts...>(std::move(xs)...);
    }
    explicit TupleMut(const Tuple<Ts...>& t) : state_(std::make_shared<State>()) {
        state_->items = t.items();
    }

    template <std::size_t I>
    auto get() const {
        std::lock_guard lock(state_->lock);
        return std::get<I>(state_->items);
    }
    template <std::size_t I, class U>
    void set(U&& value) const {
        std::lock_guard lock(state_->lock);
        std::get<I>(state_->items) = std::forward<U>(value);
    }
    static constexpr Int len() noexcept { return Int(static_cast<std::int64_t>(arity)); }

    // The elements now, as an immutable tuple.
    Tuple<Ts...> snapshot() const {
        std::lock_guard lock(state_->lock);
        return Tuple<Ts...>(rt::from_items, state_->items);
    }
    template <class U>
    bool contains(const U& x) const {
        return snapshot().contains(x);
    }
    auto snapshot_elements() const
        requires(!std::is_void_v<typename rt::CommonElement<Ts...>::type>) {
        return snapshot().snapshot_elements();
    }

    const void* identity() const noexcept { return state_.get(); }

    template <class... Us>
    friend bool operator==(const TupleMut& a, const TupleMut<Us...>& b) {
        return a.identity() == b.identity() || a.snapshot() == b.snapshot();
    }
    template <class... Us>
    friend std::partial_ordering operator<=>(const TupleMut& a, const TupleMut<Us...>& b) {
        return a.snapshot() <=> b.snapshot();
    }

private:
    std::shared_ptr<State> state_;
};

template <class... Ts>
constexpr Int len(const Tuple<Ts...>&) noexcept {
    return Int(static_cast<std::int64_t>(sizeof...(Ts)));
}
template <class... Ts>
constexpr Int len(const TupleMut<Ts...>&) noexcept {
    return Int(static_cast<std::int64_t>(sizeof...(Ts)));
}
template <class... Ts>
constexpr bool truthy(const Tuple<Ts...>&) noexcept {
    return sizeof...(Ts) != 0;
}
template <class... Ts>
constexpr bool truthy(const TupleMut<Ts...>&) noexcept {
    return sizeof...(Ts) != 0;
}

// TupleMutable(t): a new mutable tuple with t's elements.
template <class... Ts>
TupleMut<Ts...> tuple_mutable(const Tuple<Ts...>& t) {
    return TupleMut<Ts...>(t);
}

namespace rt {

template <class... Ts>
struct LockFree<Tuple<Ts...>> : std::bool_constant<(LockFree<Ts>::value && ...)> {};

template <class... Ts>
struct Printer<Tuple<Ts...>> {
    static void str(Buf& out, const Tuple<Ts...>& t) { append_tuple(out, t.items()); }
};
template <class... Ts>
struct Printer<TupleMut<Ts...>> {
    static void str(Buf& out, const TupleMut<Ts...>& t) {
        const PrintGuard guard(t.identity());
        if (guard.recursive()) {
            append(out, "(...)");
            return;
        }
        append_tuple(out, t.snapshot().items());
    }
};

template <class... Ts>
struct TypeName<Tuple<Ts...>> {
    static std::string name() { return tuple_type_name<Ts...>("tuple"); }
};
template <class... Ts>
struct TypeName<TupleMut<Ts...>> {
    static std::string name() { return tuple_type_name<Ts...>("tuple_mut"); }
};

template <class... Ts>
requires(requires(const Ts& x) { Hash<Ts>{}(x); } && ...) struct Hash<Tuple<Ts...>> {
    std::uint64_t operator()(const Tuple<Ts...>& t) const {
        std::uint64_t h = kTupleHashSeed;
        std::apply([&h](const auto&... e) { ((h = hash_combine(h, Hash<Ts>{}(e))), ...); },
                   t.items());
        return h;
    }
};

template <class... Ts>
auto iter(const Tuple<Ts...>& t) {
    return t.snapshot_elements();
}
template <class... Ts>
auto iter(const TupleMut<Ts...>& t) {
    return t.snapshot_elements();
}

}  // namespace rt

}  // namespace pyro

template <class... Ts>
struct std::tuple_size<pyro::Tuple<Ts...>> : std::integral_constant<std::size_t, sizeof...(Ts)> {};
template <std::size_t I, class... Ts>
struct std::tuple_element<I, pyro::Tuple<Ts...>> {
    using type = const std::tuple_element_t<I, std::tuple<Ts...>>;
};
