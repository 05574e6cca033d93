// std.sync's WaitGroup and Mutex inside an Any: their methods called by name.
//
// Where a WaitGroup or a Mutex reaches a value of type `any` (a list of mixed values, an
// untyped parameter of a function called through a function value), `wg.add(n)`, `wg.done()`,
// `wg.wait()`, `m.lock()` and `m.unlock()` are dispatched when the program runs, as for
// channels (chan_any.hpp). They compare by identity and print as `<WaitGroup>` / `<Mutex>`.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/sync.hpp"

namespace pyro::rt {

// S is sync::WaitGroup or sync::Mutex.
template <class S>
class SyncBox final : public AnyObject {
    static constexpr bool kWaitGroup = std::is_same_v<S, sync::WaitGroup>;

public:
    explicit SyncBox(S value) : value_(std::move(value)) {}
    const S& value() const noexcept { return value_; }

    std::string type_name() const override { return TypeName<S>::name(); }
    void print(Buf& out) const override { Printer<S>::str(out, value_); }
    bool equals(const AnyObject& other) const override {
        const auto* box = dynamic_cast<const SyncBox*>(&other);
        return box != nullptr && box->value_ == value_;
    }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if constexpr (kWaitGroup) {
            if (name == "add") {
                expect_args(args, 1, name);
                value_.add(from_any<Int>(args[0]));
                return Any();
            }
            if (name == "done" || name == "wait") {
                expect_args(args, 0, name);
                name == "done" ? value_.done() : value_.wait();
                return Any();
            }
        } else {
            if (name == "lock" || name == "unlock") {
                expect_args(args, 0, name);
                name == "lock" ? value_.lock() : value_.unlock();
                return Any();
            }
        }
        return AnyObject::call_method(name, args);
    }

private:
    S value_;
};

template <class S>
struct SyncTraits {
    static Any to_any(const S& s) { return Any::make_object<SyncBox<S>>(s); }
    static bool is(const Any& a) { return object_as<SyncBox<S>>(a) != nullptr; }
    static S from(const Any& a) {
        if (const auto* box = object_as<SyncBox<S>>(a)) {
            return box->value();
        }
        raise_type_mismatch(TypeName<S>::name(), a.full_type_name());
    }
};

template <>
struct AnyTraits<sync::WaitGroup> : SyncTraits<sync::WaitGroup> {};
template <>
struct AnyTraits<sync::Mutex> : SyncTraits<sync::Mutex> {};

}  // namespace pyro::rt
