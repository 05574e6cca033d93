// Raising any Pyro value, catching it, and the `try` lowering's pyro::rt::Outcome.
//
// `raise v` throws rt::Raised (error.hpp) whose payload is an AnyRaised holding v as an Any,
// so `except e:` binds exactly what was raised (a raised string stays a string). `raise X
// from C` sets X's `cause` field when X is an Error instance (and keeps C beside any other
// value); the uncaught report follows the chain through RaisedValue::cause(). Faults the
// runtime detects arrive as rt::BuiltinError; caught_value turns one into an Error instance
// (with its cause chain) the first time a handler looks at it.
//
// The lowering of try/except/finally (DESIGN.md) never runs Pyro code inside a C++ catch
// block, because a task may suspend in a handler and resume on another thread:
//
//     pyro::rt::Outcome<R> pyro_out;                    // R: the function's return type
//     try {
//         body...                                       // `return x` in the body:
//     } catch (pyro::rt::Raised& e) {                   //   pyro_out.set_return(x);
//         pyro_out.set_raised(std::move(e));            //   goto pyro_finally_1;
//     }                                                 // break/continue: set_break() ...
//     if (pyro_out.raised()) {
//         if (pyro::rt::is<pyro::Ref<MyError>>(pyro_out.error())) {
//             const pyro::rt::Raised pyro_caught = pyro_out.take_raised();  // for a bare raise
//             auto e = pyro::rt::from_any<pyro::Ref<MyError>>(pyro::rt::caught_value(pyro_caught));
//             try { handler... } catch (pyro::rt::Raised& e2) { pyro_out.set_raised(std::move(e2));
//             }
//         }                                             // no clause matched: stays raised
//     }
//     pyro_finally_1:
//     finally-body...                                   // its own return/raise wins
//     if (pyro_out.returning()) return pyro_out.take_return();
//     if (pyro_out.breaking()) break;
//     if (pyro_out.continuing()) continue;
//     pyro_out.rethrow_if_raised();
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "pyro/any.hpp"
#include "pyro/error.hpp"
#include "pyro/error_class.hpp"
#include "pyro/object.hpp"

namespace pyro::rt {

// A raised Pyro value; `cause` is kept here only for values without a cause field.
class AnyRaised final : public RaisedValue {
public:
    explicit AnyRaised(Any value, Any cause = Any()) noexcept
        : value_(std::move(value)), cause_(std::move(cause)) {}

    const Any& value() const noexcept { return value_; }
    std::string str() const override {
        Buf out;
        print_any(out, value_);
        return fmt::to_string(out);
    }
    std::shared_ptr<const RaisedValue> cause() const override {
        Any c = cause_;
        if (is<Ref<Error>>(value_)) {
            const Ref<Error> error = from_any<Ref<Error>>(value_);
            c = error->pyro_get(error->cause);
        }
        return c.is_void() ? nullptr : std::make_shared<const AnyRaised>(std::move(c));
    }

private:
    Any value_;
    Any cause_;
};

// The Pyro value a payload stands for.
inline Any value_of(const RaisedValue& payload) {
    if (const auto* any = dynamic_cast<const AnyRaised*>(&payload)) {
        return any->value();
    }
    Ref<Error> error = make<Error>();
    if (const auto* builtin = dynamic_cast<const BuiltinError*>(&payload)) {
        error->pyro_init(Str(builtin->message()));
    } else {
        error->pyro_init(Str(payload.str()));
    }
    if (const auto cause = payload.cause()) {
        error->pyro_set(error->cause, value_of(*cause));
    }
    return Any(error);
}

inline Any caught_value(const Raised& raised) {
    return value_of(raised.value());
}

// raise value
[[noreturn]] inline void raise(const Any& value) {
    throw Raised(std::make_shared<const AnyRaised>(value), current_location());
}

// raise value from cause
[[noreturn]] inline void raise_from(const Any& value, const Any& cause) {
    if (is<Ref<Error>>(value)) {
        const Ref<Error> error = from_any<Ref<Error>>(value);
        error->pyro_set(error->cause, cause);
        raise(value);
    }
    throw Raised(std::make_shared<const AnyRaised>(value, cause), current_location());
}

// How a try statement's body (or handler) ended; see the header comment for the lowering.
template <class R = void>
class Outcome {
public:
    enum class Kind { kNormal, kReturn, kBreak, kContinue, kRaised };

    Kind kind() const noexcept { return kind_; }
    bool raised() const noexcept { return kind_ == Kind::kRaised; }
    bool returning() const noexcept { return kind_ == Kind::kReturn; }
    bool breaking() const noexcept { return kind_ == Kind::kBreak; }
    bool continuing() const noexcept { return kind_ == Kind::kContinue; }

    void set_raised(Raised&& r) {
        raised_.emplace(std::move(r));
        error_.reset();
        kind_ = Kind::kRaised;
    }
    // The raised value, for the except clauses' type tests. A runtime fault becomes an Error
    // instance here, once: the pending exception then carries that instance, so a bare
    // `raise` re-raises the very object the handler saw.
    const Any& error() {
        if (!error_) {
            error_ = caught_value(*raised_);
            if (dynamic_cast<const AnyRaised*>(&raised_->value()) == nullptr) {
                raised_.emplace(std::make_shared<const AnyRaised>(*error_), raised_->where());
            }
        }
        return *error_;
    }
    // A clause matched: the error is handled. Keep the result for a bare `raise`.
    Raised take_raised() {
        (void)error();
        Raised r = std::move(*raised_);
        raised_.reset();
        error_.reset();
        kind_ = Kind::kNormal;
        return r;
    }

    template <class... V>
    void set_return(V&&... value) {
        if constexpr (!std::is_void_v<R>) {
            value_.emplace(std::forward<V>(value)...);
        }
        clear_raised();
        kind_ = Kind::kReturn;
    }
    R take_return() {
        kind_ = Kind::kNormal;
        if constexpr (!std::is_void_v<R>) {
            return std::move(*value_);
        }
    }
    void set_break() noexcept {
        clear_raised();
        kind_ = Kind::kBreak;
    }
    void set_continue() noexcept {
        clear_raised();
        kind_ = Kind::kContinue;
    }
    void rethrow_if_raised() {
        if (kind_ == Kind::kRaised) {
            throw std::move(*raised_);
        }
    }

private:
    void clear_raised() noexcept {
        raised_.reset();
        error_.reset();
    }

    struct Empty {};
    Kind kind_ = Kind::kNormal;
    std::optional<Raised> raised_;
    std::optional<Any> error_;
    [[no_unique_address]] std::conditional_t<std::is_void_v<R>, Empty, std::optional<R>> value_;
};

}  // namespace pyro::rt
