// Records: what the runtime gives the C++ structs the emitter generates for `record` types.
//
// A record is an immutable value compared structurally. The emitter writes a plain struct —
// the fields in declaration order, equality defaulted — plus three static descriptions, and
// everything else (printing `Point(x=1, y=2)`, hashing, type(x), living inside an Any, field
// access by name through an Any) comes from here:
//
//     struct Point {
//         pyro::Int x;
//         pyro::Int y;
//         static constexpr std::string_view pyro_name = "Point";
//         static constexpr std::array<std::string_view, 2> pyro_field_names{"x", "y"};
//         auto pyro_fields() const { return std::tie(x, y); }
//         friend bool operator==(const Point&, const Point&) = default;
//         double norm() const;                                  // methods
//         pyro::Str pyro_str() const;                           // optional: __str__
//         // optional: dispatch by name for calls on an `any` or an interface value
//         pyro::Any pyro_method(std::string_view name, std::span<const pyro::Any> args) const;
//     };
//
// A generic record (`record Box<T>(value: T)`) is a class template; its name prints without
// parameters (`Box(value=1)`), its type name for messages has them only if the emitter puts
// them in pyro_name.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/hash.hpp"
#include "pyro/repr.hpp"
#include "pyro/sequence.hpp"

namespace pyro::rt {

template <class R>
concept Record = requires(const R& r) {
    { R::pyro_name } -> std::convertible_to<std::string_view>;
    R::pyro_field_names;
    r.pyro_fields();
};

template <Record R>
struct Printer<R> {
    static void str(Buf& out, const R& r) {
        if constexpr (requires { r.pyro_str(); }) {  // the record's __str__
            append(out, r.pyro_str().view());
            return;
        }
        append(out, R::pyro_name);
        out.push_back('(');
        std::size_t i = 0;
        std::apply(
            [&](const auto&... field) {
                ((append(out, i > 0 ? ", " : ""), append(out, R::pyro_field_names[i++]),
                  out.push_back('='), append_repr(out, field)),
                 ...);
            },
            r.pyro_fields());
        out.push_back(')');
    }
};

template <Record R>
struct TypeName<R> {
    static std::string name() { return std::string(R::pyro_name); }
};

template <Record R>
requires requires(const R& r) {
    std::apply([](const auto&... f) { (Hash<std::decay_t<decltype(f)>>{}(f), ...); },
               r.pyro_fields());
}
struct Hash<R> {
    std::uint64_t operator()(const R& r) const {
        std::uint64_t h = hash_bytes(R::pyro_name.data(), R::pyro_name.size());
        std::apply(
            [&h](const auto&... f) {
                ((h = hash_combine(h, Hash<std::decay_t<decltype(f)>>{}(f))), ...);
            },
            r.pyro_fields());
        return h;
    }
};

template <class Fields>
struct AllLockFree;
template <class... F>
struct AllLockFree<std::tuple<F...>>
    : std::bool_constant<(LockFree<std::decay_t<F>>::value && ...)> {};

template <Record R>
struct LockFree<R> : AllLockFree<decltype(std::declval<const R&>().pyro_fields())> {};

// A record inside an Any.
template <Record R>
class RecordBox final : public AnyObject {
public:
    explicit RecordBox(R value) : value_(std::move(value)) {}
    const R& value() const noexcept { return value_; }

    std::string type_name() const override { return std::string(R::pyro_name); }
    void print(Buf& out) const override { Printer<R>::str(out, value_); }
    bool equals(const AnyObject& other) const override {
        const auto* same = dynamic_cast<const RecordBox*>(&other);
        return same != nullptr && same->value_ == value_;
    }
    std::uint64_t hash() const override {
        if constexpr (requires { Hash<R>{}(value_); }) {
            return Hash<R>{}(value_);
        } else {
            return AnyObject::hash();
        }
    }
    bool has_fields() const override { return true; }
    std::vector<std::pair<std::string_view, Any>> field_values() const override {
        std::vector<std::pair<std::string_view, Any>> out;
        std::size_t i = 0;
        std::apply(
            [&](const auto&... field) {
                (out.emplace_back(R::pyro_field_names[i++], Any(field)), ...);
            },
            value_.pyro_fields());
        return out;
    }
    Any get_attr(std::string_view name) const override {
        std::optional<Any> found;
        std::size_t i = 0;
        std::apply(
            [&](const auto&... field) {
                ((R::pyro_field_names[i++] == name ? void(found = Any(field)) : void()), ...);
            },
            value_.pyro_fields());
        if (!found) {
            raise_error("no attribute '" + std::string(name) + "'");
        }
        return std::move(*found);
    }
    void set_attr(std::string_view name, const Any&) const override {
        raise_error("cannot assign to field '" + std::string(name) + "' of record " +
                    std::string(R::pyro_name));
    }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if constexpr (requires { value_.pyro_method(name, args); }) {
            return value_.pyro_method(name, args);
        } else {
            return AnyObject::call_method(name, args);
        }
    }

private:
    R value_;
};

template <Record R>
struct AnyTraits<R> {
    static Any to_any(const R& r) { return Any::make_object<RecordBox<R>>(r); }
    static bool is(const Any& a) { return object_as<RecordBox<R>>(a) != nullptr; }
    static R from(const Any& a) {
        if (const auto* box = object_as<RecordBox<R>>(a)) {
            return box->value();
        }
        raise_type_mismatch(R::pyro_name, a.full_type_name());
    }
};

}  // namespace pyro::rt
