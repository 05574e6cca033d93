// The C++ boundary of `extern` functions (LANGUAGE.md 8): converting Pyro arguments to the
// C++ parameter types they map to, the C++ result back, and C++ exceptions into Pyro errors.
// Only generated code uses it (`pyro::rt::`); the emitter includes it when a program declares
// an extern. The wrapper it writes for each extern:
//
//     double hypot2(double x, double y) {
//         return pyro::rt::call_extern<double>(PYRO_CPP_FUNCTION(::geo::hypot2), x, y);
//     }
//
// The mapping: int <-> every integral C++ type but bool (checked for range both ways),
// float <-> double and float, bool <-> bool, string <-> std::string, std::string_view and
// const char* (a null result raises), list<T> <-> std::vector<U> (T <-> U), void <-> void. Each
// conversion exists only for those types, so an extern that does not fit its C++ function is a
// compile error, at the extern's .pyro line.
#pragma once

#include <concepts>
#include <exception>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/list.hpp"
#include "pyro/str.hpp"

namespace pyro::rt {

namespace extern_detail {

template <class T>
concept CppInt = std::integral<T> && !std::same_as<std::remove_cv_t<T>, bool>;

// "int8", "uint64", "char": what an out-of-range message calls a C++ integer type.
template <CppInt T>
std::string int_type_name() {
    if constexpr (std::same_as<T, char>) {
        return "char";
    } else {
        return std::string(std::is_signed_v<T> ? "int" : "uint") + std::to_string(sizeof(T) * 8);
    }
}

}  // namespace extern_detail

// A Pyro argument on its way to a C++ parameter. It converts implicitly to exactly the C++
// types its Pyro type maps to.
template <class P>
class ExternArg;

// U can receive an element of a list<T> converted by Arg<T> (not a pointer: it would
// dangle).
template <class U, template <class> class Arg, class T>
concept ListElement = std::convertible_to<Arg<T>, U> && !std::is_pointer_v<U>;

// list<T> -> std::vector<U>, each element converted as an argument of type T would be by
// Arg<T>: the list conversion of ExternArg and of ExactArg (a vector of const char* is left
// out: the strings would not outlive the conversion).
template <template <class> class Arg, class T>
class ListArg {
public:
    explicit ListArg(const List<T>& value) : value_(value) {}
    template <ListElement<Arg, T> U>
    operator std::vector<U>() const {  // NOLINT: implicit by design
        std::vector<U> out;
        out.reserve(value_.size());
        for (const T& item : value_.items())
            out.push_back(static_cast<U>(Arg<T>(item)));
        return out;
    }

private:
    List<T> value_;
};

template <>
class ExternArg<Int> {
public:
    explicit ExternArg(Int value) : value_(value.v) {}
    template <extern_detail::CppInt T>
    operator T() const {  // NOLINT: implicit by design
        if (!std::in_range<T>(value_)) {
            raise_error(std::to_string(value_) + " does not fit in the C++ parameter type " +
                        extern_detail::int_type_name<T>());
        }
        return static_cast<T>(value_);
    }

private:
    std::int64_t value_;
};

template <>
class ExternArg<double> {
public:
    explicit ExternArg(double value) : value_(value) {}
    template <std::floating_point T>
    operator T() const {  // NOLINT: implicit by design
        return static_cast<T>(value_);
    }

private:
    double value_;
};

template <>
class ExternArg<bool> {
public:
    explicit ExternArg(bool value) : value_(value) {}
    template <std::same_as<bool> T>
    operator T() const {  // NOLINT: implicit by design
        return value_;
    }

private:
    bool value_;
};

template <>
class ExternArg<Str> {
public:
    explicit ExternArg(const Str& value) : value_(value) {}
    operator std::string() const { return value_.std_string(); }  // NOLINT
    operator std::string_view() const { return value_.view(); }   // NOLINT
    // NUL-terminated, and alive until the end of the full expression of the call.
    operator const char*() const {  // NOLINT
        copy_ = value_.std_string();
        return copy_.c_str();
    }

private:
    Str value_;
    mutable std::string copy_;
};

template <class T>
class ExternArg<List<T>> : public ListArg<ExternArg, T> {
public:
    using ListArg<ExternArg, T>::ListArg;
};

// The same argument converting only to the one C++ type that mirrors its Pyro type exactly
// (std::int64_t, double, bool, std::string): tried when ExternArg finds several overloads
// equally good (`std::cbrt` has float, double and long double ones).
template <class P>
class ExactArg;

template <>
class ExactArg<Int> {
public:
    explicit ExactArg(Int value) : value_(value.v) {}
    template <std::same_as<std::int64_t> T>
    operator T() const {  // NOLINT: implicit by design
        return value_;
    }

private:
    std::int64_t value_;
};

template <>
class ExactArg<double> {
public:
    explicit ExactArg(double value) : value_(value) {}
    template <std::same_as<double> T>
    operator T() const {  // NOLINT: implicit by design
        return value_;
    }

private:
    double value_;
};

template <>
class ExactArg<bool> : public ExternArg<bool> {
public:
    explicit ExactArg(bool value) : ExternArg<bool>(value) {}
};

template <class T>
class ExactArg<List<T>> : public ListArg<ExactArg, T> {
public:
    using ListArg<ExactArg, T>::ListArg;
};

template <>
class ExactArg<Str> {
public:
    explicit ExactArg(const Str& value) : value_(value) {}
    template <std::same_as<std::string> T>
    operator T() const {  // NOLINT: implicit by design
        return value_.std_string();
    }

private:
    Str value_;
};

// A C++ result becoming the Pyro type P: specialised only where the types map.
template <class P, class C>
struct ExternResult;

template <extern_detail::CppInt C>
struct ExternResult<Int, C> {
    static Int convert(C value) {
        if (!std::in_range<std::int64_t>(value)) {
            raise_error(std::to_string(value) + " returned by C++ does not fit in an int");
        }
        return Int(static_cast<std::int64_t>(value));
    }
};

template <std::floating_point C>
struct ExternResult<double, C> {
    static double convert(C value) { return static_cast<double>(value); }
};

template <>
struct ExternResult<bool, bool> {
    static bool convert(bool value) { return value; }
};

template <>
struct ExternResult<Str, std::string> {
    static Str convert(const std::string& value) { return Str(std::string_view(value)); }
};

template <>
struct ExternResult<Str, std::string_view> {
    static Str convert(std::string_view value) { return Str(value); }
};

template <>
struct ExternResult<Str, const char*> {
    static Str convert(const char* value) {
        if (value == nullptr) raise_error("C++ returned a null const char* for a string");
        return Str(std::string_view(value));
    }
};

template <>
struct ExternResult<Str, char*> : ExternResult<Str, const char*> {};

// A C++ value of type U that converts to the Pyro type T.
template <class U, class T>
concept ExternResultElement = requires(const U& item) {
    ExternResult<T, U>::convert(item);
};

template <class T, ExternResultElement<T> U>
struct ExternResult<List<T>, std::vector<U>> {
    static List<T> convert(const std::vector<U>& values) {
        std::vector<T> out;
        out.reserve(values.size());
        for (const U& item : values)
            out.push_back(ExternResult<T, U>::convert(item));
        return List<T>(std::move(out));
    }
};

namespace extern_detail {

// The call's result as P (void: any result is dropped).
template <class P, class Call>
P finish(Call&& call) {
    if constexpr (std::is_void_v<P>) {
        static_cast<void>(call());
    } else {
        using C = std::remove_cvref_t<decltype(call())>;
        return ExternResult<P, C>::convert(call());
    }
}

}  // namespace extern_detail

// Whether a C++ result of type C maps to the Pyro type P (void: any result is dropped).
template <class P, class C>
concept ExternResultMaps = std::is_void_v<P> || requires(C&& value) {
    {ExternResult<P, std::remove_cvref_t<C>>::convert(std::forward<C>(value))};
};

// Whether `F` can be called with the Pyro arguments A..., converted by `Arg`, and gives a
// result that maps to P.
template <class P, class F, template <class> class Arg, class... A>
concept ExternCallable =
    std::invocable<F&, Arg<A>...> && ExternResultMaps<P, std::invoke_result_t<F&, Arg<A>...>>;

template <class P, class F, class... A>
concept ExternFits = ExternCallable<P, F, ExternArg, A...> || ExternCallable<P, F, ExactArg, A...>;

// Calls the C++ function `function` with the Pyro arguments, converting them (with ExternArg,
// or with ExactArg when that is ambiguous) and its result to P. A C++ exception becomes a
// Pyro `Error(what())`, located at the statement that called the extern. When nothing fits,
// the call does not compile: "no matching function for call to call_extern", at the
// extern's line.
template <class P, class F, class... A>
P call_extern(F&& function, const A&... args) requires ExternFits<P, F, A...> {
    try {
        if constexpr (ExternCallable<P, F, ExternArg, A...>) {
            return extern_detail::finish<P>([&] { return function(ExternArg<A>(args)...); });
        } else {
            return extern_detail::finish<P>([&] { return function(ExactArg<A>(args)...); });
        }
    } catch (const std::exception& e) {
        raise_error(e.what());
    }
}

// Picks the overload of a C++ function with exactly these parameter types:
// `Overload<int, int>::pick(&geo::scale)`. The parameter types are fixed (not deduced), so
// only the result type is inferred and only that overload matches.
template <class... Params>
struct Overload {
    template <class R>
    static constexpr auto pick(R (*function)(Params...)) {
        return function;
    }
};

}  // namespace pyro::rt

// A C++ function (an overload set) as a callable object whose call is SFINAE-friendly, so
// call_extern can test which argument conversions fit it.
#define PYRO_CPP_FUNCTION(name)                                                                   \
    [](auto&&... pyro_args) -> decltype(name(static_cast<decltype(pyro_args)&&>(pyro_args)...)) { \
        return name(static_cast<decltype(pyro_args)&&>(pyro_args)...);                            \
    }
