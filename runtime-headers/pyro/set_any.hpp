// Sets inside an Any: adapters for Set<T> and SetMut<T>, their AnyTraits, and try_key, which
// turns an Any into a static key type when it can denote one (for lookups through an Any).
//
// A lookup with a value of another type is not an error but a miss (`"a" in {1, 2}` is
// false), except that numbers find their equal across int and float (`1.0 in {1}`), as the
// dynamic equality says. Adding an element of the wrong type through an Any raises the
// checked conversion's `type mismatch`.
#pragma once

#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "pyro/any.hpp"
#include "pyro/any_seq.hpp"
#include "pyro/set.hpp"

namespace pyro::rt {

// The key of static type K equal to `a`, if there is one.
template <class K>
std::optional<K> try_key(const Any& a) {
    if constexpr (std::is_same_v<K, Int>) {
        if (a.is_float()) {
            const double d = a.float_value();
            if (d >= -0x1p63 && d < 0x1p63 && std::trunc(d) == d) {
                return Int(static_cast<std::int64_t>(d));
            }
            return std::nullopt;
        }
    }
    if constexpr (std::is_same_v<K, double>) {
        if (a.is_int()) {
            return static_cast<double>(a.int_value().v);
        }
    }
    if (!AnyTraits<K>::is(a)) {
        return std::nullopt;
    }
    return AnyTraits<K>::from(a);
}

// Order-insensitive equality of two set-like or dict-like adapters through Any.
inline bool any_same_elements(const AnyObject& a, const AnyObject& b) {
    if (a.len() != b.len()) {
        return false;
    }
    for (const Any& x : a.elements()) {
        if (!b.contains(x)) {
            return false;
        }
    }
    return true;
}

template <class T>
class SetBox final : public AnyObject {
public:
    explicit SetBox(Set<T> value) : value_(std::move(value)) {}
    const Set<T>& value() const noexcept { return value_; }

    static constexpr std::string_view kind = "set";
    std::string type_name() const override { return std::string(kind); }
    std::string full_type_name() const override { return TypeName<Set<T>>::name(); }
    void print(Buf& out) const override { Printer<Set<T>>::str(out, value_); }
    Family family() const override { return Family::kSet; }
    bool equals(const AnyObject& other) const override {
        if (const auto* same = dynamic_cast<const SetBox*>(&other)) {
            return value_ == same->value_;
        }
        return other.family() == Family::kSet && any_same_elements(*this, other);
    }
    std::uint64_t hash() const override { return Hash<Set<T>>{}(value_); }
    bool truthy() const override { return !value_.empty(); }
    Int len() const override { return value_.len(); }
    bool contains(const Any& x) const override {
        const auto key = try_key<T>(x);
        return key && value_.contains(*key);
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        return std::make_unique<VectorCursor>(elements());
    }
    std::vector<Any> elements() const override { return to_any_vector(value_); }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len") {
            expect_args(args, 0, name);
            return value_.len();
        }
        if (name == "contains") {
            expect_args(args, 1, name);
            return contains(args[0]);
        }
        return AnyObject::call_method(name, args);
    }

private:
    Set<T> value_;
};

template <class T>
class SetMutBox final : public AnyObject {
public:
    explicit SetMutBox(SetMut<T> value) : value_(std::move(value)) {}
    const SetMut<T>& value() const noexcept { return value_; }

    std::string type_name() const override { return "set_mut"; }
    std::string full_type_name() const override { return TypeName<SetMut<T>>::name(); }
    void print(Buf& out) const override { Printer<SetMut<T>>::str(out, value_); }
    Family family() const override { return Family::kSet; }
    const void* identity() const override { return value_.identity(); }
    bool equals(const AnyObject& other) const override {
        return identity() == other.identity() ||
               (other.family() == Family::kSet && any_same_elements(*this, other));
    }
    bool truthy() const override { return !value_.empty(); }
    Int len() const override { return value_.len(); }
    bool contains(const Any& x) const override {
        const auto key = try_key<T>(x);
        return key && value_.contains(*key);
    }
    std::unique_ptr<AnyCursor> iterate() const override {
        return std::make_unique<VectorCursor>(elements());
    }
    std::vector<Any> elements() const override { return to_any_vector(value_.snapshot_elements()); }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len") {
            expect_args(args, 0, name);
            return value_.len();
        }
        if (name == "contains") {
            expect_args(args, 1, name);
            return contains(args[0]);
        }
        if (name == "add") {
            expect_args(args, 1, name);
            value_.add(from_any<T>(args[0]));
            return Any();
        }
        if (name == "remove") {
            expect_args(args, 1, name);
            const auto key = try_key<T>(args[0]);
            if (!key) {
                raise_not_in_set(repr_string(args[0]));
            }
            value_.remove(*key);
            return Any();
        }
        if (name == "clear") {
            expect_args(args, 0, name);
            value_.clear();
            return Any();
        }
        return AnyObject::call_method(name, args);
    }

private:
    SetMut<T> value_;
};

template <class T>
struct AnyTraits<Set<T>> : ElementsTraits<Set<T>, SetBox<T>, T> {};

template <class T>
struct AnyTraits<SetMut<T>> : BoxedTraits<SetMut<T>, SetMutBox<T>> {};

}  // namespace pyro::rt
