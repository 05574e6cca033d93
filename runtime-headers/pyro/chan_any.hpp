// Channels inside an Any: adapters for Chan<T>, Sender<T> and Receiver<T> (chan.hpp).
//
// Where a channel's static type is `any`, its methods are called by name and the view is
// checked when the program runs (LANGUAGE.md 6.2): `push`/`close` on a Receiver raise
// `channel is receive-only`, `collect` (and iteration) on a Sender `channel is send-only`.
// Pushed values are converted to the element type (`type mismatch: expected int, got
// string`). Channels compare and hash by identity: a Chan, its Sender and its Receiver are one
// channel. type(x) gives "chan", "Sender", "Receiver". A Chan<T> held in an Any converts to a
// Sender<T> or a Receiver<T> as it does statically. Collecting suspends only the task, as
// everywhere (no Pyro code runs inside a C++ catch block here).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "pyro/any.hpp"
#include "pyro/any_ops.hpp"
#include "pyro/chan.hpp"
#include "pyro/hash.hpp"

namespace pyro::rt {

template <class H>
struct ChanView;
template <class T>
struct ChanView<Chan<T>> {
    using Element = T;
    static constexpr const char* kName = "chan";
    static constexpr bool kSends = true;
    static constexpr bool kReceives = true;
};
template <class T>
struct ChanView<Sender<T>> {
    using Element = T;
    static constexpr const char* kName = "Sender";
    static constexpr bool kSends = true;
    static constexpr bool kReceives = false;
};
template <class T>
struct ChanView<Receiver<T>> {
    using Element = T;
    static constexpr const char* kName = "Receiver";
    static constexpr bool kSends = false;
    static constexpr bool kReceives = true;
};

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_send_only() {
    raise_error("channel is send-only");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_receive_only() {
    raise_error("channel is receive-only");
}

// H is Chan<T>, Sender<T> or Receiver<T>.
template <class H>
class ChanBox final : public AnyObject {
    using View = ChanView<H>;
    using T = typename View::Element;

public:
    explicit ChanBox(H value) : value_(std::move(value)) {}
    const H& value() const noexcept { return value_; }

    std::string type_name() const override { return View::kName; }
    std::string full_type_name() const override { return TypeName<H>::name(); }
    void print(Buf& out) const override { Printer<H>::str(out, value_); }
    const void* identity() const override { return value_.shared_state().get(); }
    std::uint64_t hash() const override {
        return hash_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(identity())));
    }
    Int len() const override { return value_.len(); }
    std::unique_ptr<AnyCursor> iterate() const override {
        if constexpr (View::kReceives) {
            class Cursor final : public AnyCursor {
            public:
                explicit Cursor(H channel) : channel_(std::move(channel)) {}
                bool next(Any& out) override {
                    std::optional<T> v = channel_.state().collect_or_closed();
                    if (!v) {
                        return false;
                    }
                    out = Any(std::move(*v));
                    return true;
                }

            private:
                H channel_;
            };
            return std::make_unique<Cursor>(value_);
        } else {
            raise_send_only();
        }
    }
    Any call_method(std::string_view name, std::span<const Any> args) const override {
        if (name == "len" || name == "capacity") {
            expect_args(args, 0, name);
            return name == "len" ? value_.len() : value_.capacity();
        }
        if (name == "push") {
            expect_args(args, 1, name);
            if constexpr (View::kSends) {
                value_.push(from_any<T>(args[0]));
                return Any();
            } else {
                raise_receive_only();
            }
        }
        if (name == "close") {
            expect_args(args, 0, name);
            if constexpr (View::kSends) {
                value_.close();
                return Any();
            } else {
                raise_receive_only();
            }
        }
        if (name == "collect") {
            expect_args(args, 0, name);
            if constexpr (View::kReceives) {
                return Any(value_.collect());
            } else {
                raise_send_only();
            }
        }
        if constexpr (std::is_same_v<H, Chan<T>>) {
            if (name == "sender" || name == "receiver") {
                expect_args(args, 0, name);
                return name == "sender" ? Any(value_.sender()) : Any(value_.receiver());
            }
        }
        return AnyObject::call_method(name, args);
    }

private:
    H value_;
};

template <class T>
struct AnyTraits<Chan<T>> {
    static Any to_any(const Chan<T>& c) { return Any::make_object<ChanBox<Chan<T>>>(c); }
    static bool is(const Any& a) { return object_as<ChanBox<Chan<T>>>(a) != nullptr; }
    static Chan<T> from(const Any& a) {
        if (const auto* box = object_as<ChanBox<Chan<T>>>(a)) {
            return box->value();
        }
        raise_type_mismatch(TypeName<Chan<T>>::name(), a.full_type_name());
    }
};

// A Sender<T> or Receiver<T> from an Any holding that view or a whole Chan<T>.
template <class View, class T>
struct ChanViewTraits {
    static Any to_any(const View& v) { return Any::make_object<ChanBox<View>>(v); }
    static bool is(const Any& a) {
        return object_as<ChanBox<View>>(a) != nullptr || object_as<ChanBox<Chan<T>>>(a) != nullptr;
    }
    static View from(const Any& a) {
        if (const auto* box = object_as<ChanBox<View>>(a)) {
            return box->value();
        }
        if (const auto* box = object_as<ChanBox<Chan<T>>>(a)) {
            return View(box->value());
        }
        raise_type_mismatch(TypeName<View>::name(), a.full_type_name());
    }
};

template <class T>
struct AnyTraits<Sender<T>> : ChanViewTraits<Sender<T>, T> {};
template <class T>
struct AnyTraits<Receiver<T>> : ChanViewTraits<Receiver<T>, T> {};

}  // namespace pyro::rt
