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
//
// `select` cases on such channels: pyro::rt::select_collect(any) and select_push(any, value)
// give an AnyCase, which select() takes like the typed cases (select.hpp); the box makes the
// typed case for its element type, and a collected value comes back as an Any.
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
#include "pyro/select.hpp"

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

// A typed select case behind an interface: erase() for select(), take() for a collected value.
class AnySelectCase {
public:
    virtual ~AnySelectCase() = default;
    virtual SelectCase erase() = 0;
    virtual Any take() = 0;
};

template <class T>
class AnyCollectCase final : public AnySelectCase {
public:
    explicit AnyCollectCase(std::shared_ptr<ChanState<T>> chan) : case_(std::move(chan)) {}
    SelectCase erase() override { return case_.erase(); }
    Any take() override { return Any(case_.take()); }

private:
    CollectCase<T> case_;
};

template <class T>
class AnyPushCase final : public AnySelectCase {
public:
    AnyPushCase(std::shared_ptr<ChanState<T>> chan, T value)
        : case_(std::move(chan), std::move(value)) {}
    SelectCase erase() override { return case_.erase(); }
    Any take() override { return Any(); }

private:
    PushCase<T> case_;
};

// What every channel box offers select, whatever its element type.
class AnyChanObject : public AnyObject {
public:
    virtual std::unique_ptr<AnySelectCase> collect_case() const = 0;
    virtual std::unique_ptr<AnySelectCase> push_case(const Any& value) const = 0;
};

// H is Chan<T>, Sender<T> or Receiver<T>.
template <class H>
class ChanBox final : public AnyChanObject {
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
    std::unique_ptr<AnySelectCase> collect_case() const override {
        if constexpr (View::kReceives) {
            value_.state();  // raises for a channel that is not set yet
            return std::make_unique<AnyCollectCase<T>>(value_.shared_state());
        } else {
            raise_send_only();
        }
    }
    std::unique_ptr<AnySelectCase> push_case(const Any& value) const override {
        if constexpr (View::kSends) {
            value_.state();
            return std::make_unique<AnyPushCase<T>>(value_.shared_state(), from_any<T>(value));
        } else {
            raise_receive_only();
        }
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

// A select case on a channel whose static type is any.
class AnyCase {
public:
    explicit AnyCase(std::unique_ptr<AnySelectCase> impl) : impl_(std::move(impl)) {}
    SelectCase erase() { return impl_->erase(); }
    Any take() { return impl_->take(); }

private:
    std::unique_ptr<AnySelectCase> impl_;
};

[[noreturn, gnu::cold]] inline void raise_not_a_channel(const Any& a) {
    raise_error("a select case needs a channel, got " + a.type_name());
}

inline AnyCase select_collect(const Any& rx) {
    if (const auto* chan = object_as<AnyChanObject>(rx)) {
        return AnyCase(chan->collect_case());
    }
    raise_not_a_channel(rx);
}

inline AnyCase select_push(const Any& tx, const Any& value) {
    if (const auto* chan = object_as<AnyChanObject>(tx)) {
        return AnyCase(chan->push_case(value));
    }
    raise_not_a_channel(tx);
}

}  // namespace pyro::rt
