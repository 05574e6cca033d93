// Function values: pyro::Func<R(A...)>, currying (LANGUAGE.md 5.1) and rt::Cell, the heap
// cell a closure captures a variable by reference through.
//
// A Func is a shared, type-erased callable with a name for printing (`<function add>`,
// `<function lambda>`, `<function Point.area>`). Functions compare by identity: two values
// made from the same named function (func_ref) share one static implementation, a bound
// method equals another binding of the same method to the same instance, and a lambda or a
// partial application is equal only to copies of itself. The emitter makes them with
//   pyro::rt::func_ref<pyro::Int(pyro::Int, pyro::Int), &add>("add")    a named function
//   pyro::Func<pyro::Int(pyro::Int)>("lambda", [=](pyro::Int y) { ... }) a lambda or closure
//   pyro::rt::bind_method<&Counter::add>(c, "Counter.add")            `c.add` as a value
// A call with every argument is a plain C++ call (`f(1, 2)`); rt::call(f, args...) is the one
// helper for the other cases: fewer arguments than parameters give a Func of the rest
// (rt::partial), more apply the result to the surplus (over-application, also spelled
// rt::call_over), recursively, and an Any result is called dynamically. Inside an Any, a Func is
// called with checked argument conversions and curries the same way.
//
// A variable that a closure outliving its scope captures, or a module-level `mut` that a
// function assigns, lives in an rt::Cell<T>: a shared heap cell whose get/set are atomic —
// std::atomic for int, float and bool, a SpinLock otherwise.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/hash.hpp"
#include "pyro/print.hpp"
#include "pyro/sequence.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"

namespace pyro {

template <class Sig>
class Func;

namespace rt {

template <class R, class... A>
class FuncImpl {
public:
    FuncImpl(const char* name, const void* key = nullptr, const void* bound = nullptr) noexcept
        : name_(name), key_(key), bound_(bound) {}
    virtual ~FuncImpl() = default;
    virtual R call(A... args) const = 0;

    const char* name() const noexcept { return name_; }
    // Identity beyond the object: the method a binding calls and its instance.
    const void* key() const noexcept { return key_; }
    const void* bound() const noexcept { return bound_; }

private:
    const char* name_;
    const void* key_;
    const void* bound_;
};

template <class F, class R, class... A>
class CallableImpl final : public FuncImpl<R, A...> {
public:
    CallableImpl(const char* name, F f, const void* key = nullptr, const void* bound = nullptr)
        : FuncImpl<R, A...>(name, key, bound), f_(std::move(f)) {}
    R call(A... args) const override { return f_(std::move(args)...); }

private:
    F f_;
};

}  // namespace rt

template <class R, class... A>
class Func<R(A...)> {
public:
    using Impl = rt::FuncImpl<R, A...>;
    using result_type = R;
    static constexpr std::size_t arity = sizeof...(A);

    Func() noexcept = default;
    template <class F>
    requires(!std::is_same_v<std::decay_t<F>, Func> && std::is_invocable_r_v<R, const F&, A...>)
        Func(const char* name, F f)
        : impl_(std::make_shared<const rt::CallableImpl<F, R, A...>>(name, std::move(f))) {}
    explicit Func(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}

    R operator()(A... args) const { return impl_->call(std::move(args)...); }

    const char* name() const noexcept { return impl_->name(); }
    const Impl* impl() const noexcept { return impl_.get(); }

    friend bool operator==(const Func& a, const Func& b) noexcept {
        if (a.impl_ == b.impl_) {
            return true;
        }
        return a.impl_ && b.impl_ && a.impl_->key() != nullptr &&
               a.impl_->key() == b.impl_->key() && a.impl_->bound() == b.impl_->bound();
    }

private:
    std::shared_ptr<const Impl> impl_;
};

template <class R, class... A>
bool truthy(const Func<R(A...)>&) noexcept {
    return true;
}

namespace rt {

template <class Sig>
struct FuncTraits;
template <class R, class... A>
struct FuncTraits<Func<R(A...)>> {
    using result = R;
    using args = std::tuple<A...>;
};

// A named function as a value; every value made for one function shares one implementation.
template <class Sig, Sig* F>
Func<Sig> func_ref(const char* name) {
    using Impl = typename Func<Sig>::Impl;
    static const auto impl = [name] {
        return [name]<class R, class... A>(R (*)(A...)) {
            struct Named final : FuncImpl<R, A...> {
                using FuncImpl<R, A...>::FuncImpl;
                R call(A... args) const override { return F(std::move(args)...); }
            };
            return Named(name);
        }(static_cast<Sig*>(nullptr));
    }();
    // Aliasing an empty owner: copies of a static implementation count nothing.
    return Func<Sig>(std::shared_ptr<const Impl>(std::shared_ptr<const void>(), &impl));
}

template <class M>
struct MethodTraits;
template <class R, class C, class... A>
struct MethodTraits<R (C::*)(A...)> {
    using Sig = R(A...);
    using Class = C;
};
template <class R, class C, class... A>
struct MethodTraits<R (C::*)(A...) const> {
    using Sig = R(A...);
    using Class = C;
};

// `obj.method` as a value: calls the method on that instance (a class instance's handle is
// shared, so the method sees later changes of its fields; a record is copied, being a value).
template <auto Method, class Handle>
auto bind_method(const Handle& self, const char* name) {
    using Sig = typename MethodTraits<decltype(Method)>::Sig;
    static const char tag = 0;  // one per method: the identity of bindings of it
    return [&]<class R, class... A>(R (*)(A...)) {
        if constexpr (std::is_same_v<Handle, typename MethodTraits<decltype(Method)>::Class> ||
                      std::is_base_of_v<typename MethodTraits<decltype(Method)>::Class, Handle>) {
            // A record is copied into the binding, which is equal only to its own copies.
            auto call = [self](A... args) -> R { return (self.*Method)(std::move(args)...); };
            return Func<Sig>(std::make_shared<const CallableImpl<decltype(call), R, A...>>(
                name, std::move(call)));
        } else {
            auto call = [self](A... args) -> R { return ((*self).*Method)(std::move(args)...); };
            return Func<Sig>(std::make_shared<const CallableImpl<decltype(call), R, A...>>(
                name, std::move(call), &tag, static_cast<const void*>(&*self)));
        }
    }(static_cast<Sig*>(nullptr));
}

template <class Sig>
struct RecordMaker;
template <class T, class... A>
struct RecordMaker<T(A...)> {
    static T make(A... args) { return T{std::move(args)...}; }
};

// A record's constructor as a value (`let mk = Point`); every value made for one record
// shares one implementation, so they compare equal.
template <class Sig>
Func<Sig> record_constructor(const char* name) {
    return func_ref<Sig, &RecordMaker<Sig>::make>(name);
}

template <class Tuple, std::size_t Offset, class Indices>
struct TupleSlice;
template <class... T, std::size_t Offset, std::size_t... I>
struct TupleSlice<std::tuple<T...>, Offset, std::index_sequence<I...>> {
    using type = std::tuple<std::tuple_element_t<Offset + I, std::tuple<T...>>...>;
};

template <class R, class Params>
struct FuncOf;
template <class R, class... A>
struct FuncOf<R, std::tuple<A...>> {
    using type = Func<R(A...)>;
};

// The callable behind a partial application: f and its first arguments.
template <class R, class Params, class Bound, class Rest>
class Partial;
template <class R, class... A, class... B, class... C>
class Partial<R, std::tuple<A...>, std::tuple<B...>, std::tuple<C...>> {
public:
    Partial(Func<R(A...)> f, std::tuple<B...> bound) : f_(std::move(f)), bound_(std::move(bound)) {}
    R operator()(C... rest) const {
        return std::apply([&](const B&... b) -> R { return f_(b..., std::move(rest)...); }, bound_);
    }

private:
    Func<R(A...)> f_;
    std::tuple<B...> bound_;
};

// f applied to its first arguments: a Func of the remaining parameters, named as f.
template <class R, class... A, class... B>
auto partial(const Func<R(A...)>& f, B&&... first) {
    constexpr std::size_t k = sizeof...(B);
    static_assert(k < sizeof...(A), "partial application needs fewer arguments than parameters");
    using Params = std::tuple<A...>;
    using Bound = typename TupleSlice<Params, 0, std::make_index_sequence<k>>::type;
    using Rest = typename TupleSlice<Params, k, std::make_index_sequence<sizeof...(A) - k>>::type;
    using Result = typename FuncOf<R, Rest>::type;
    return Result(f.name(), Partial<R, Params, Bound, Rest>(f, Bound(std::forward<B>(first)...)));
}

// A call of f with any number of arguments, curried (see the header comment).
template <class R, class... A, class... B>
auto call(const Func<R(A...)>& f, B&&... args) {
    constexpr std::size_t n = sizeof...(A);
    constexpr std::size_t m = sizeof...(B);
    if constexpr (m == n) {
        return f(std::forward<B>(args)...);
    } else if constexpr (m < n) {
        return partial(f, std::forward<B>(args)...);
    } else {
        auto all = std::forward_as_tuple(std::forward<B>(args)...);
        R result = [&]<std::size_t... I>(std::index_sequence<I...>)->R {
            return f(std::get<I>(all)...);
        }
        (std::make_index_sequence<n>{});
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return call(result, std::get<n + J>(all)...);
        }
        (std::make_index_sequence<m - n>{});
    }
}

// Over-application by name: f takes fewer parameters than there are arguments.
template <class R, class... A, class... B>
requires(sizeof...(B) > sizeof...(A)) auto call_over(const Func<R(A...)>& f, B&&... args) {
    return call(f, std::forward<B>(args)...);
}

// f(args) for an Any f and arguments already in Anys.
inline Any call_span(const Any& f, std::span<const Any> args) {
    if (!f.is_object()) {
        raise_error(f.type_name() + " is not callable");
    }
    return f.object().call(args);
}

// A function inside an Any: checked conversions of the arguments, and currying.
template <class R, class... A>
class FuncBox final : public AnyObject {
public:
    explicit FuncBox(Func<R(A...)> value) : value_(std::move(value)) {}
    const Func<R(A...)>& value() const noexcept { return value_; }

    std::string type_name() const override { return "function"; }
    std::string full_type_name() const override { return TypeName<Func<R(A...)>>::name(); }
    void print(Buf& out) const override { Printer<Func<R(A...)>>::str(out, value_); }
    const void* identity() const override { return value_.impl(); }
    bool equals(const AnyObject& other) const override {
        const auto* same = dynamic_cast<const FuncBox*>(&other);
        return same != nullptr && same->value_ == value_;
    }
    std::uint64_t hash() const override {
        const void* key = value_.impl()->key() ? value_.impl()->key() : value_.impl();
        return hash_combine(hash_int(reinterpret_cast<std::intptr_t>(key)),
                            hash_int(reinterpret_cast<std::intptr_t>(value_.impl()->bound())));
    }
    Any call(std::span<const Any> args) const override {
        constexpr std::size_t n = sizeof...(A);
        using Params = std::tuple<A...>;
        if (args.size() >= n) {
            Any result = [&]<std::size_t... I>(std::index_sequence<I...>) {
                if constexpr (std::is_void_v<R>) {
                    value_(from_any<std::tuple_element_t<I, Params>>(args[I])...);
                    return Any();
                } else {
                    return Any(value_(from_any<std::tuple_element_t<I, Params>>(args[I])...));
                }
            }
            (std::make_index_sequence<n>{});
            return args.size() == n ? result : call_span(result, args.subspan(n));
        }
        Any partial_value;
        with_index<n>(args.size(), [&](auto k) {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                if constexpr (sizeof...(I) < n) {
                    partial_value =
                        Any(partial(value_, from_any<std::tuple_element_t<I, Params>>(args[I])...));
                }
            }
            (std::make_index_sequence<decltype(k)::value>{});
        });
        return partial_value;
    }

private:
    Func<R(A...)> value_;
};

template <class R, class... A>
struct AnyTraits<Func<R(A...)>> {
    static Any to_any(const Func<R(A...)>& f) { return Any::make_object<FuncBox<R, A...>>(f); }
    static bool is(const Any& a) { return object_as<FuncBox<R, A...>>(a) != nullptr; }
    static Func<R(A...)> from(const Any& a) {
        if (const auto* box = object_as<FuncBox<R, A...>>(a)) {
            return box->value();
        }
        raise_type_mismatch(TypeName<Func<R(A...)>>::name(), a.full_type_name());
    }
};

template <class R, class... A>
struct Printer<Func<R(A...)>> {
    static void str(Buf& out, const Func<R(A...)>& f) {
        append(out, "<function ");
        append(out, f.name());
        out.push_back('>');
    }
};

template <class R, class... A>
struct TypeName<Func<R(A...)>> {
    static std::string name() {
        std::string text = "(";
        std::size_t i = 0;
        ((text += (i++ > 0 ? ", " : ""), text += TypeName<A>::name()), ...);
        text += ") -> ";
        if constexpr (std::is_void_v<R>) {
            text += "void";
        } else {
            text += TypeName<R>::name();
        }
        return text;
    }
};

template <class T>
inline constexpr bool is_atomic_cell_v =
    std::is_same_v<T, Int> || std::is_same_v<T, double> || std::is_same_v<T, bool>;

// A captured variable's shared storage. Copies of a Cell are the same variable.
template <class T>
class Cell {
    struct AtomicBox {
        std::atomic<T> value;
    };
    struct LockedBox {
        mutable SpinLock lock;
        T value;
    };
    using Box = std::conditional_t<is_atomic_cell_v<T>, AtomicBox, LockedBox>;

public:
    Cell() : box_(std::make_shared<Box>()) {}
    explicit Cell(T value) : box_(std::make_shared<Box>()) { set(std::move(value)); }

    T get() const {
        if constexpr (is_atomic_cell_v<T>) {
            return box_->value.load(std::memory_order_acquire);
        } else {
            std::lock_guard lock(box_->lock);
            return box_->value;
        }
    }
    void set(T value) const {
        if constexpr (is_atomic_cell_v<T>) {
            box_->value.store(value, std::memory_order_release);
        } else {
            std::lock_guard lock(box_->lock);
            std::swap(box_->value, value);  // the old value is destroyed outside the lock
        }
    }

private:
    std::shared_ptr<Box> box_;
};

}  // namespace rt

}  // namespace pyro
