// pyro::Any, Pyro's `any`: a value whose type is known only when the program runs.
//
// An Any is 24 bytes: a tag and, inline, a bool, an int64, a double or a Str; every other
// value (containers, records, instances, functions, channels) is held through a counted
// pointer to an rt::AnyObject, the type-erased interface below. Containers and records are
// wrapped by an adapter object ("box") that holds the static value — for a mutable container
// that is the handle, so the list inside an Any is the very list the program shares, never a
// copy. Class instances (object.hpp) are AnyObjects themselves and are stored directly.
//
// Each static type says how it enters and leaves an Any through pyro::rt::AnyTraits<T>
// (to_any, is, from), specialised next to the type's adapter; a type without its own traits
// but with a Printer and a TypeName (a channel) gets a generic box that prints it and compares
// it with ==. Every operation an Any does not support raises a Pyro error naming the types:
// `type mismatch: expected int, got string`, `no attribute 'x'`, `cannot index int`, ...
// The operators and the dynamic calls live in any_ops.hpp.
//
// Static types never pass through here: a List<Int> holds Ints, and only converting it to an
// Any (where the program's types say `any`) builds a box.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyro/error.hpp"
#include "pyro/float_repr.hpp"
#include "pyro/hash.hpp"
#include "pyro/int.hpp"
#include "pyro/print.hpp"
#include "pyro/repr.hpp"
#include "pyro/slice.hpp"
#include "pyro/str.hpp"
#include "pyro/type_name.hpp"
#include "pyro/void.hpp"

namespace pyro {

class Any;

namespace rt {

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_type_mismatch(std::string_view expected,
                                                                       std::string_view got) {
    std::string message = "type mismatch: expected ";
    message += expected;
    message += ", got ";
    message += got;
    raise_error(message);
}

// "list_mut<int>" -> "list_mut": type(x) names a type without its parameters.
inline std::string kind_name(std::string full) {
    const auto lt = full.find('<');
    if (lt != std::string::npos) {
        full.resize(lt);
    }
    return full;
}

// Steps through the elements of an iterable Any; see AnyObject::iterate.
class AnyCursor {
public:
    virtual ~AnyCursor() = default;
    virtual bool next(Any& out) = 0;
};

// The families whose members compare structurally with each other whatever their static
// element types: a List<Int> equals a List<Any> (or a ListMut<double>) holding 1, 2.
enum class Family : std::uint8_t { kOther, kList, kTuple, kSet, kDict };

// The interface behind every non-scalar Any. Each operation's default raises the error Pyro
// gives for a value that does not support it; adapters override what their type does.
// Objects are immutable through this interface except where the value itself is mutable
// (a list_mut's set_index, an instance's set_attr), hence const throughout.
class AnyObject {
public:
    AnyObject() noexcept = default;
    AnyObject(const AnyObject&) = delete;
    AnyObject& operator=(const AnyObject&) = delete;
    virtual ~AnyObject() = default;

    void retain() const noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() const noexcept {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            delete this;
        }
    }

    virtual std::string type_name() const = 0;  // what type(x) gives: "list_mut", "Point"
    virtual std::string full_type_name() const { return type_name(); }  // "list_mut<int>"
    virtual void print(Buf& out) const = 0;                             // str(x)
    virtual Family family() const { return Family::kOther; }
    // What identity comparisons compare: the shared state of a mutable value, the instance.
    virtual const void* identity() const { return this; }
    virtual bool equals(const AnyObject& other) const { return identity() == other.identity(); }
    inline virtual std::uint64_t hash() const;
    inline virtual std::partial_ordering compare(const AnyObject& other) const;
    virtual bool truthy() const { return true; }

    inline virtual Int len() const;
    inline virtual Any index(const Any& key) const;
    inline virtual void set_index(const Any& key, const Any& value) const;
    inline virtual Any slice(const SliceArgs& args) const;
    inline virtual bool contains(const Any& x) const;
    inline virtual std::unique_ptr<AnyCursor> iterate() const;
    // A snapshot of the elements (list, tuple, set: elements; dict: keys), for structural
    // comparisons across static types and the builtins that take any iterable.
    inline virtual std::vector<Any> elements() const;

    // Records and instances: their (set) fields in order, as (name, value) pairs.
    virtual bool has_fields() const { return false; }
    inline virtual std::vector<std::pair<std::string_view, Any>> field_values() const;
    inline virtual Any get_attr(std::string_view name) const;
    inline virtual void set_attr(std::string_view name, const Any& value) const;
    inline virtual Any call(std::span<const Any> args) const;
    inline virtual Any call_method(std::string_view name, std::span<const Any> args) const;

    // `this + other` (concatenation) and `this * n` (repetition), where this is a container.
    inline virtual Any add(const Any& other) const;
    inline virtual Any repeat(Int count) const;

private:
    mutable std::atomic<std::uint32_t> refs_{0};
};

template <class T>
struct AnyTraits;  // the generic box is below; containers and records specialise it

// The operators' implementations (equality below, the rest in any_ops.hpp).
inline bool any_equals(const Any& a, const Any& b);
inline std::partial_ordering any_compare(const Any& a, const Any& b);
enum class ArithOp : std::uint8_t { kAdd, kSub, kMul, kDiv, kMod, kAnd, kOr, kXor, kShl, kShr };
inline Any any_arith(ArithOp op, const Any& a, const Any& b);
inline Any any_negate(const Any& a);
inline Any any_invert(const Any& a);

}  // namespace rt

class Any {
public:
    enum class Tag : std::uint8_t { kVoid, kBool, kInt, kFloat, kStr, kObject };

    // Scalars zero the whole payload first, so no byte of an Any is ever indeterminate (GCC
    // otherwise suspects the Str's bytes in instrumented builds).
    Any() noexcept : raw_{0, 0}, tag_(Tag::kVoid) {}
    Any(Void) noexcept : raw_{0, 0}, tag_(Tag::kVoid) {}
    template <std::same_as<bool> B>
    Any(B b) noexcept : raw_{0, 0}, tag_(Tag::kBool) {
        b_ = b;
    }
    Any(Int i) noexcept : raw_{0, 0}, tag_(Tag::kInt) { i_ = i.v; }
    template <rt::FitsInt I>
    Any(I i) noexcept : raw_{0, 0}, tag_(Tag::kInt) {
        i_ = static_cast<std::int64_t>(i);
    }
    template <rt::Double D>
    Any(D d) noexcept : raw_{0, 0}, tag_(Tag::kFloat) {
        d_ = d;
    }
    Any(const Str& s) noexcept : s_(s), tag_(Tag::kStr) {}
    Any(Str&& s) noexcept : s_(std::move(s)), tag_(Tag::kStr) {}
    Any(const char*) = delete;  // would otherwise become a bool: write "text"_s

    // Containers, records, instances, functions, channels: through their AnyTraits.
    template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>, Any> &&
             requires(const std::remove_cvref_t<T>& v) {
                 { rt::AnyTraits<std::remove_cvref_t<T>>::to_any(v) } -> std::same_as<Any>;
             }) Any(const T& value)
        : Any(rt::AnyTraits<std::remove_cvref_t<T>>::to_any(value)) {}

    // Takes a new reference to `object`, which must not be null.
    static Any from_object(const rt::AnyObject* object) noexcept {
        Any a;
        object->retain();
        a.o_ = object;  // the second word stays zero
        a.tag_ = Tag::kObject;
        return a;
    }
    // Boxes are created with make_object: the Any becomes their first owner.
    template <class Box, class... Args>
    static Any make_object(Args&&... args) {
        return from_object(new Box(std::forward<Args>(args)...));
    }

    Any(const Any& other) noexcept : tag_(other.tag_) { copy_payload(other); }
    Any(Any&& other) noexcept : tag_(other.tag_) { move_payload(std::move(other)); }
    Any& operator=(const Any& other) noexcept {
        if (this != &other) {
            Any copy(other);
            *this = std::move(copy);
        }
        return *this;
    }
    Any& operator=(Any&& other) noexcept {
        if (this != &other) {
            destroy();
            tag_ = other.tag_;
            move_payload(std::move(other));
        }
        return *this;
    }
    ~Any() { destroy(); }

    Tag tag() const noexcept { return tag_; }
    bool is_void() const noexcept { return tag_ == Tag::kVoid; }
    bool is_bool() const noexcept { return tag_ == Tag::kBool; }
    bool is_int() const noexcept { return tag_ == Tag::kInt; }
    bool is_float() const noexcept { return tag_ == Tag::kFloat; }
    bool is_number() const noexcept { return tag_ == Tag::kInt || tag_ == Tag::kFloat; }
    bool is_str() const noexcept { return tag_ == Tag::kStr; }
    bool is_object() const noexcept { return tag_ == Tag::kObject; }

    // Unchecked: the tag must match.
    bool bool_value() const noexcept { return b_; }
    Int int_value() const noexcept { return Int(i_); }
    double float_value() const noexcept { return d_; }
    const Str& str_value() const noexcept { return s_; }
    const rt::AnyObject& object() const noexcept { return *o_; }
    // An int or a float as a double.
    double number_value() const noexcept {
        return tag_ == Tag::kInt ? static_cast<double>(i_) : d_;
    }

    // The type's name as type(x) gives it ("int", "list_mut", "Point"), and with its
    // parameters for messages ("list_mut<int>").
    std::string type_name() const {
        switch (tag_) {
            case Tag::kVoid:
                return "void";
            case Tag::kBool:
                return "bool";
            case Tag::kInt:
                return "int";
            case Tag::kFloat:
                return "float";
            case Tag::kStr:
                return "string";
            case Tag::kObject:
                break;
        }
        return o_->type_name();
    }
    std::string full_type_name() const {
        return tag_ == Tag::kObject ? o_->full_type_name() : type_name();
    }

    // Hidden friends, so they apply only where an Any takes part (the other side converts).
    friend bool operator==(const Any& a, const Any& b) { return rt::any_equals(a, b); }
    friend std::partial_ordering operator<=>(const Any& a, const Any& b) {
        return rt::any_compare(a, b);
    }
    friend Any operator+(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kAdd, a, b);
    }
    friend Any operator-(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kSub, a, b);
    }
    friend Any operator*(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kMul, a, b);
    }
    friend Any operator/(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kDiv, a, b);
    }
    friend Any operator%(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kMod, a, b);
    }
    friend Any operator&(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kAnd, a, b);
    }
    friend Any operator|(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kOr, a, b);
    }
    friend Any operator^(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kXor, a, b);
    }
    friend Any operator<<(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kShl, a, b);
    }
    friend Any operator>>(const Any& a, const Any& b) {
        return rt::any_arith(rt::ArithOp::kShr, a, b);
    }
    friend Any operator-(const Any& a) { return rt::any_negate(a); }
    friend Any operator+(const Any& a) { return a; }
    friend Any operator~(const Any& a) { return rt::any_invert(a); }
    Any& operator+=(const Any& b) { return *this = *this + b; }
    Any& operator-=(const Any& b) { return *this = *this - b; }
    Any& operator*=(const Any& b) { return *this = *this * b; }
    Any& operator/=(const Any& b) { return *this = *this / b; }
    Any& operator%=(const Any& b) { return *this = *this % b; }

private:
    void copy_payload(const Any& other) noexcept {
        switch (tag_) {
            case Tag::kStr:
                new (&s_) Str(other.s_);
                break;
            case Tag::kObject:
                o_ = other.o_;
                o_->retain();
                break;
            default:
                raw_[0] = other.raw_[0];  // the whole scalar payload, whichever member it is
                raw_[1] = other.raw_[1];
        }
    }
    // Takes other's payload and leaves other void. A moved-from Str owns nothing, so its
    // destructor is skipped (running it makes GCC warn about a delete it cannot rule out).
    void move_payload(Any&& other) noexcept {
        if (tag_ == Tag::kStr) {
            new (&s_) Str(std::move(other.s_));
        } else if (tag_ == Tag::kObject) {
            o_ = other.o_;
        } else {
            raw_[0] = other.raw_[0];
            raw_[1] = other.raw_[1];
        }
        other.raw_[0] = other.raw_[1] = 0;
        other.tag_ = Tag::kVoid;
    }
    void destroy() noexcept {
        if (tag_ == Tag::kStr) {
            s_.~Str();
        } else if (tag_ == Tag::kObject) {
            o_->release();
        }
    }

    union {
        bool b_;
        std::int64_t i_;
        double d_;
        Str s_;
        const rt::AnyObject* o_;
        std::uint64_t raw_[2];
    };
    Tag tag_;
};

static_assert(sizeof(Any) == 24);

namespace rt {

// Values with no static type of their own print, hash and compare through these.
inline void print_any(Buf& out, const Any& a) {
    switch (a.tag()) {
        case Any::Tag::kVoid:
            append(out, "void");
            return;
        case Any::Tag::kBool:
            append(out, a.bool_value() ? "true" : "false");
            return;
        case Any::Tag::kInt:
            Printer<Int>::str(out, a.int_value());
            return;
        case Any::Tag::kFloat:
            append_float_repr(out, a.float_value());
            return;
        case Any::Tag::kStr:
            append(out, a.str_value().view());
            return;
        case Any::Tag::kObject:
            a.object().print(out);
            return;
    }
}

template <>
struct Printer<Any> {
    static void str(Buf& out, const Any& a) { print_any(out, a); }
};
template <>
struct Repr<Any> {
    static void repr(Buf& out, const Any& a) {
        if (a.is_str()) {
            append_quoted(out, a.str_value().view());
        } else {
            print_any(out, a);
        }
    }
};

template <>
struct TypeName<Any> {
    static std::string name() { return "any"; }
};

// Numbers compare by value across int and float (1 == 1.0); values of different kinds are
// never equal; containers compare structurally, instances and channels by identity.
inline bool any_equals(const Any& a, const Any& b) {
    if (a.tag() == b.tag()) {
        switch (a.tag()) {
            case Any::Tag::kVoid:
                return true;
            case Any::Tag::kBool:
                return a.bool_value() == b.bool_value();
            case Any::Tag::kInt:
                return a.int_value() == b.int_value();
            case Any::Tag::kFloat:
                return a.float_value() == b.float_value();
            case Any::Tag::kStr:
                return a.str_value() == b.str_value();
            case Any::Tag::kObject:
                return &a.object() == &b.object() || a.object().equals(b.object());
        }
    }
    if (a.is_int() && b.is_float()) {
        return a.int_value() == b.float_value();
    }
    if (a.is_float() && b.is_int()) {
        return b.int_value() == a.float_value();
    }
    return false;
}

template <>
struct Hash<Any> {
    std::uint64_t operator()(const Any& a) const {
        switch (a.tag()) {
            case Any::Tag::kVoid:
                return Hash<Void>{}(void_);
            case Any::Tag::kBool:
                return Hash<bool>{}(a.bool_value());
            case Any::Tag::kInt:
                return hash_int(a.int_value().v);
            case Any::Tag::kFloat:
                return hash_double(a.float_value());
            case Any::Tag::kStr:
                return a.str_value().hash();
            case Any::Tag::kObject:
                break;
        }
        return a.object().hash();
    }
};

// Default operations of AnyObject: the errors for values that lack them. (Declared inline in
// the class: with no out-of-line virtual function, AnyObject has no key function, so its
// vtable is emitted only where a box is made.)
inline std::uint64_t AnyObject::hash() const {
    raise_error("unhashable type: " + type_name());
}
inline std::partial_ordering AnyObject::compare(const AnyObject& other) const {
    raise_error("cannot compare " + type_name() + " and " + other.type_name());
}
inline Int AnyObject::len() const {
    raise_error(type_name() + " has no len()");
}
inline Any AnyObject::index(const Any&) const {
    raise_error("cannot index " + type_name());
}
inline void AnyObject::set_index(const Any&, const Any&) const {
    raise_error("cannot assign to an element of " + type_name());
}
inline Any AnyObject::slice(const SliceArgs&) const {
    raise_error("cannot slice " + type_name());
}
inline bool AnyObject::contains(const Any&) const {
    raise_error("cannot test membership in " + type_name());
}
inline std::unique_ptr<AnyCursor> AnyObject::iterate() const {
    raise_error(type_name() + " is not iterable");
}
inline std::vector<Any> AnyObject::elements() const {
    raise_error(type_name() + " is not iterable");
}
inline std::vector<std::pair<std::string_view, Any>> AnyObject::field_values() const {
    return {};
}
inline Any AnyObject::get_attr(std::string_view name) const {
    raise_error("no attribute '" + std::string(name) + "'");
}
inline void AnyObject::set_attr(std::string_view name, const Any&) const {
    raise_error("no attribute '" + std::string(name) + "'");
}
inline Any AnyObject::call(std::span<const Any>) const {
    raise_error(type_name() + " is not callable");
}
inline Any AnyObject::call_method(std::string_view name, std::span<const Any>) const {
    raise_error("no attribute '" + std::string(name) + "'");
}
inline Any AnyObject::add(const Any& other) const {
    raise_error("cannot add " + type_name() + " and " + other.type_name());
}
inline Any AnyObject::repeat(Int) const {
    raise_error("cannot multiply " + type_name() + " and int");
}

// The scalar types enter and leave an Any directly. `from` raises the mismatch; an int
// widens to a float, never the reverse (LANGUAGE.md 9).
template <>
struct AnyTraits<Any> {
    static Any to_any(const Any& a) { return a; }
    static bool is(const Any&) noexcept { return true; }
    static Any from(const Any& a) { return a; }
};
template <>
struct AnyTraits<Int> {
    static bool is(const Any& a) noexcept { return a.is_int(); }
    static Int from(const Any& a) {
        if (!a.is_int()) [[unlikely]] {
            raise_type_mismatch("int", a.full_type_name());
        }
        return a.int_value();
    }
};
template <>
struct AnyTraits<double> {
    static bool is(const Any& a) noexcept { return a.is_float(); }
    static double from(const Any& a) {
        if (!a.is_number()) [[unlikely]] {
            raise_type_mismatch("float", a.full_type_name());
        }
        return a.number_value();
    }
};
template <>
struct AnyTraits<bool> {
    static bool is(const Any& a) noexcept { return a.is_bool(); }
    static bool from(const Any& a) {
        if (!a.is_bool()) [[unlikely]] {
            raise_type_mismatch("bool", a.full_type_name());
        }
        return a.bool_value();
    }
};
template <>
struct AnyTraits<Str> {
    static bool is(const Any& a) noexcept { return a.is_str(); }
    static Str from(const Any& a) {
        if (!a.is_str()) [[unlikely]] {
            raise_type_mismatch("string", a.full_type_name());
        }
        return a.str_value();
    }
};
template <>
struct AnyTraits<Void> {
    static bool is(const Any& a) noexcept { return a.is_void(); }
    static Void from(const Any& a) {
        if (!a.is_void()) [[unlikely]] {
            raise_type_mismatch("void", a.full_type_name());
        }
        return void_;
    }
};

// A value of a type without its own adapter (a channel): printed, named and compared with ==.
template <class T>
class GenericBox final : public AnyObject {
public:
    explicit GenericBox(T value) : value_(std::move(value)) {}
    const T& value() const noexcept { return value_; }

    std::string type_name() const override { return kind_name(TypeName<T>::name()); }
    std::string full_type_name() const override { return TypeName<T>::name(); }
    void print(Buf& out) const override { Printer<T>::str(out, value_); }
    bool equals(const AnyObject& other) const override {
        const auto* box = dynamic_cast<const GenericBox*>(&other);
        if constexpr (std::equality_comparable<T>) {
            return box != nullptr && box->value_ == value_;
        } else {
            return box == this;
        }
    }

private:
    T value_;
};

template <class T>
concept GenericBoxable =
    !std::is_pointer_v<T> && !std::is_array_v<T> && requires(Buf & out, const T& x) {
    Printer<T>::str(out, x);
    { TypeName<T>::name() } -> std::convertible_to<std::string>;
};

template <class T>
struct AnyTraits {
    static Any to_any(const T& value) requires GenericBoxable<T> {
        return Any::make_object<GenericBox<T>>(value);
    }
    static bool is(const Any& a) noexcept requires GenericBoxable<T> {
        return a.is_object() && dynamic_cast<const GenericBox<T>*>(&a.object()) != nullptr;
    }
    static T from(const Any& a) requires GenericBoxable<T> {
        if (!is(a)) [[unlikely]] {
            raise_type_mismatch(TypeName<T>::name(), a.full_type_name());
        }
        return static_cast<const GenericBox<T>&>(a.object()).value();
    }
};

// Checked conversion at a typed boundary: `type mismatch: expected int, got string`.
template <class T>
T from_any(const Any& a) {
    return AnyTraits<T>::from(a);
}

// Whether from_any<T> would succeed: isinstance tests and union membership.
template <class T>
bool is(const Any& a) {
    return AnyTraits<T>::is(a);
}

// Whether from_any<T> accepts `a`: what is<T> accepts, and an int where a float is wanted.
template <class T>
bool converts(const Any& a) {
    if constexpr (std::is_same_v<T, double>) {
        return a.is_number();
    } else {
        return AnyTraits<T>::is(a);
    }
}

template <class T>
Any to_any(const T& value) {
    return Any(value);
}

// An Any holding `value` of a box type that adapters look up with dynamic_cast.
template <class Box>
const Box* object_as(const Any& a) noexcept {
    return a.is_object() ? dynamic_cast<const Box*>(&a.object()) : nullptr;
}

}  // namespace rt

// `void`, false, 0, 0.0, "" and empty containers are false.
inline bool truthy(const Any& a) {
    switch (a.tag()) {
        case Any::Tag::kVoid:
            return false;
        case Any::Tag::kBool:
            return a.bool_value();
        case Any::Tag::kInt:
            return a.int_value().v != 0;
        case Any::Tag::kFloat:
            return a.float_value() != 0.0;
        case Any::Tag::kStr:
            return !a.str_value().empty();
        case Any::Tag::kObject:
            break;
    }
    return a.object().truthy();
}

// type(x): the run-time type's name without parameters.
inline Str type(const Any& a) {
    return Str(a.type_name());
}

}  // namespace pyro
