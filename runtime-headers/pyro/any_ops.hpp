// What a program can do with an Any: arithmetic, comparison, `**`, bit operations, `in`,
// indexing, slicing, len, iteration, attribute access and calls, each checked when it runs.
//
// The rules are the static ones applied to the run-time types (LANGUAGE.md 2): int op int is
// a checked int, a float operand makes the result a float, string + string concatenates,
// string/list/tuple * int repeats, list + list and tuple + tuple join; anything else raises
// `cannot add string and int` (subtract, multiply, divide; `cannot apply % to string and int`
// for the other operators), `cannot compare string and int`, `cannot negate string`. Mixed
// with a static type the static side converts to Any (the operators are Any's hidden friends).
// Strings inside an Any are handled by any_str.hpp, which owns the string methods.
#pragma once

#include <array>
#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "pyro/any.hpp"
#include "pyro/math_ops.hpp"

namespace pyro::rt {

// String operations on an Any holding a Str; defined in any_str.hpp.
inline Any str_index_any(const Str& s, Int i);
inline Any str_slice_any(const Str& s, const SliceArgs& args);
inline Any str_call_method(const Str& s, std::string_view name, std::span<const Any> args);
inline std::unique_ptr<AnyCursor> str_cursor(const Str& s);

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_bad_operands(ArithOp op, const Any& a,
                                                                      const Any& b) {
    static constexpr const char* kVerbs[] = {"add", "subtract", "multiply", "divide"};
    static constexpr const char* kSymbols[] = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"};
    const auto index = static_cast<std::size_t>(op);
    std::string message = "cannot ";
    if (index < 4) {
        message += kVerbs[index];
        message += ' ';
    } else {
        message += "apply ";
        message += kSymbols[index];
        message += " to ";
    }
    raise_error(message + a.type_name() + " and " + b.type_name());
}

inline Any int_arith(ArithOp op, Int x, Int y) {
    switch (op) {
        case ArithOp::kAdd:
            return x + y;
        case ArithOp::kSub:
            return x - y;
        case ArithOp::kMul:
            return x * y;
        case ArithOp::kDiv:
            return x / y;
        case ArithOp::kMod:
            return x % y;
        case ArithOp::kAnd:
            return x & y;
        case ArithOp::kOr:
            return x | y;
        case ArithOp::kXor:
            return x ^ y;
        case ArithOp::kShl:
            return x << y;
        case ArithOp::kShr:
            return x >> y;
    }
    __builtin_unreachable();
}

inline Any any_arith(ArithOp op, const Any& a, const Any& b) {
    if (a.is_int() && b.is_int()) [[likely]] {
        return int_arith(op, a.int_value(), b.int_value());
    }
    if (a.is_number() && b.is_number()) {
        const double x = a.number_value();
        const double y = b.number_value();
        switch (op) {
            case ArithOp::kAdd:
                return x + y;
            case ArithOp::kSub:
                return x - y;
            case ArithOp::kMul:
                return x * y;
            case ArithOp::kDiv:
                return x / y;
            case ArithOp::kMod:
                return std::fmod(x, y);
            default:
                raise_bad_operands(op, a, b);
        }
    }
    if (a.is_bool() && b.is_bool()) {
        switch (op) {
            case ArithOp::kAnd:
                return a.bool_value() && b.bool_value();
            case ArithOp::kOr:
                return a.bool_value() || b.bool_value();
            case ArithOp::kXor:
                return a.bool_value() != b.bool_value();
            default:
                raise_bad_operands(op, a, b);
        }
    }
    if (op == ArithOp::kAdd) {
        if (a.is_str() && b.is_str()) {
            return a.str_value() + b.str_value();
        }
        if (a.is_object()) {
            return a.object().add(b);
        }
    }
    if (op == ArithOp::kMul) {
        const Any& seq = b.is_int() ? a : b;
        const Any& count = b.is_int() ? b : a;
        if (count.is_int()) {
            if (seq.is_str()) {
                return seq.str_value() * count.int_value();
            }
            if (seq.is_object()) {
                return seq.object().repeat(count.int_value());
            }
        }
    }
    raise_bad_operands(op, a, b);
}

inline Any any_negate(const Any& a) {
    if (a.is_int()) {
        return -a.int_value();
    }
    if (a.is_float()) {
        return -a.float_value();
    }
    raise_error("cannot negate " + a.type_name());
}

inline Any any_invert(const Any& a) {
    if (a.is_int()) {
        return ~a.int_value();
    }
    raise_error("cannot apply ~ to " + a.type_name());
}

inline std::partial_ordering any_compare(const Any& a, const Any& b) {
    if (a.is_int() && b.is_int()) {
        return a.int_value() <=> b.int_value();
    }
    if (a.is_number() && b.is_number()) {
        if (a.is_int()) {
            return a.int_value() <=> b.float_value();
        }
        if (b.is_int()) {
            return 0 <=> (b.int_value() <=> a.float_value());
        }
        return a.float_value() <=> b.float_value();
    }
    if (a.is_str() && b.is_str()) {
        return a.str_value() <=> b.str_value();
    }
    if (a.is_object() && b.is_object()) {
        return a.object().compare(b.object());
    }
    raise_error("cannot compare " + a.type_name() + " and " + b.type_name());
}

// a ** b: int ** int is a checked int (a negative exponent raises), a float makes it float.
inline Any pow(const Any& a, const Any& b) {
    if (a.is_int() && b.is_int()) {
        return pow(a.int_value(), b.int_value());
    }
    if (a.is_number() && b.is_number()) {
        return std::pow(a.number_value(), b.number_value());
    }
    raise_error("cannot apply ** to " + a.type_name() + " and " + b.type_name());
}

inline Any mod(const Any& a, const Any& b) {
    return a % b;
}

inline Int len(const Any& a) {
    if (a.is_str()) {
        return len(a.str_value());
    }
    if (a.is_object()) {
        return a.object().len();
    }
    raise_error(a.type_name() + " has no len()");
}

// a[key]; a string takes an int index, counted in code points.
inline Any index(const Any& a, const Any& key) {
    if (a.is_str()) {
        return str_index_any(a.str_value(), from_any<Int>(key));
    }
    if (a.is_object()) {
        return a.object().index(key);
    }
    raise_error("cannot index " + a.type_name());
}

// a[key] = value (list_mut, dict_mut, tuple_mut).
inline void set_index(const Any& a, const Any& key, const Any& value) {
    if (a.is_object()) {
        a.object().set_index(key, value);
        return;
    }
    raise_error("cannot assign to an element of " + a.type_name());
}

inline Any slice(const Any& a, Bound start, Bound stop, Bound step = open) {
    const SliceArgs args{start, stop, step};
    if (a.is_str()) {
        return str_slice_any(a.str_value(), args);
    }
    if (a.is_object()) {
        return a.object().slice(args);
    }
    raise_error("cannot slice " + a.type_name());
}

// `x in c`: an element of a list, tuple or set, a key of a dict, a substring of a string.
inline bool contains(const Any& container, const Any& x) {
    if (container.is_str()) {
        if (!x.is_str()) {
            raise_type_mismatch("string", x.full_type_name());
        }
        return container.str_value().view().find(x.str_value().view()) != std::string_view::npos;
    }
    if (container.is_object()) {
        return container.object().contains(x);
    }
    raise_error("cannot test membership in " + container.type_name());
}

// `for x in a:` over an Any: `for (const pyro::Any& x : pyro::rt::iterate(a))`.
class AnyRange {
public:
    explicit AnyRange(std::unique_ptr<AnyCursor> cursor) : cursor_(std::move(cursor)) {}

    struct End {};
    class Iterator {
    public:
        explicit Iterator(AnyCursor* cursor) : cursor_(cursor) { ++*this; }
        const Any& operator*() const noexcept { return current_; }
        Iterator& operator++() {
            done_ = !cursor_->next(current_);
            return *this;
        }
        friend bool operator==(const Iterator& it, End) noexcept { return it.done_; }

    private:
        AnyCursor* cursor_;
        Any current_;
        bool done_ = false;
    };

    Iterator begin() { return Iterator(cursor_.get()); }
    End end() const noexcept { return {}; }

private:
    std::unique_ptr<AnyCursor> cursor_;
};

inline AnyRange iterate(const Any& a) {
    if (a.is_str()) {
        return AnyRange(str_cursor(a.str_value()));
    }
    if (a.is_object()) {
        return AnyRange(a.object().iterate());
    }
    raise_error(a.type_name() + " is not iterable");
}

// The elements of any iterable Any, as a vector (the builtins that take any iterable).
inline std::vector<Any> elements_of(const Any& a) {
    if (a.is_object()) {
        return a.object().elements();
    }
    std::vector<Any> out;
    for (const Any& x : iterate(a)) {
        out.push_back(x);
    }
    return out;
}

// isinstance(x, list_mut) and the like, for a kind without element types: the run-time type's
// name. (A class, or a type with its parameters, is rt::is<T>, which also accepts subclasses.)
inline bool is_kind(const Any& a, std::string_view kind) {
    return a.type_name() == kind;
}

inline Any get_attr(const Any& a, std::string_view name) {
    if (a.is_object()) {
        return a.object().get_attr(name);
    }
    raise_error("no attribute '" + std::string(name) + "'");
}

inline void set_attr(const Any& a, std::string_view name, const Any& value) {
    if (a.is_object()) {
        a.object().set_attr(name, value);
        return;
    }
    raise_error("no attribute '" + std::string(name) + "'");
}

// f(args...) where f is an Any: checked and curried by the function's adapter (func.hpp).
template <class... Args>
Any call(const Any& f, const Args&... args) {
    const std::array<Any, sizeof...(Args)> values{Any(args)...};
    if (!f.is_object()) {
        raise_error(f.type_name() + " is not callable");
    }
    return f.object().call(std::span<const Any>(values.data(), values.size()));
}

// x.name(args...) where x is an Any: the method of whatever x holds, or `no attribute`.
template <class... Args>
Any call_method(const Any& x, std::string_view name, const Args&... args) {
    const std::array<Any, sizeof...(Args)> values{Any(args)...};
    const std::span<const Any> span(values.data(), values.size());
    if (x.is_str()) {
        return str_call_method(x.str_value(), name, span);
    }
    if (x.is_object()) {
        return x.object().call_method(name, span);
    }
    raise_error("no attribute '" + std::string(name) + "'");
}

// Argument checks for the methods adapters dispatch by name.
inline void expect_args(std::span<const Any> args, std::size_t count, std::string_view method) {
    if (args.size() != count) {
        raise_error(std::string(method) + "() takes " + std::to_string(count) + " argument" +
                    (count == 1 ? "" : "s") + ", got " + std::to_string(args.size()));
    }
}

}  // namespace pyro::rt
