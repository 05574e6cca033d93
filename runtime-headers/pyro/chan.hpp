// Channels: pyro::Chan<T>, its views Sender<T> and Receiver<T>, and pyro::chan<T>(n).
//
// A channel is a handle to shared state (ChanState<T>): a ring buffer bounded by the capacity
// asked for (0 = unbuffered: a push waits for a receiver), FIFO queues of waiting senders and
// receivers, and a closed flag, all under one spinlock held for a few instructions. A push
// that finds a waiting receiver moves the value straight into the receiver's slot and wakes
// it, and a collect that frees buffer space pulls the first waiting sender's value in, so a
// value is moved exactly once into and once out of the channel and waiters are served first
// come, first served. Waiting suspends only the task (park.hpp).
//
// Close semantics (LANGUAGE.md 6.2): buffered values can still be collected after close(),
// then collect raises `collect on closed channel`; a push, including one already waiting,
// raises `push on closed channel`; closing twice raises `close of closed channel`. Channels
// compare by identity. `for v in rx` is a range-for over a Receiver (or a Chan): it collects
// until the channel is closed and drained.
//
// ChanCore is the part `select` (select.hpp) needs without knowing T: the lock, the queues
// and type-erased polls.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/park.hpp"
#include "pyro/print.hpp"
#include "pyro/ring.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"
#include "pyro/waiter.hpp"

namespace pyro::rt {

enum class Poll { NotReady, Ready, Closed };

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_push_closed() {
    raise_error("push on closed channel");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_collect_closed() {
    raise_error("collect on closed channel");
}

class ChanCore {
public:
    using Lock = std::unique_lock<SpinLock>;

    explicit ChanCore(std::size_t capacity) noexcept : capacity_(capacity) {}
    ChanCore(const ChanCore&) = delete;
    ChanCore& operator=(const ChanCore&) = delete;
    virtual ~ChanCore() = default;

    std::size_t capacity() const noexcept { return capacity_; }

    // With the lock held: complete a collect into `out` (a std::optional<T>*) or a push from
    // `value` (a T*) if it can proceed now. A sender or receiver the operation completes is
    // claimed and left in `woken`, to be woken once the lock is released.
    virtual Poll poll_collect(void* out, Waiter*& woken) = 0;
    virtual Poll poll_push(void* value, Waiter*& woken) = 0;

    void close() {
        Lock lock(lock_);
        if (closed_) {
            lock.unlock();
            raise_error("close of closed channel");
        }
        closed_ = true;
        // Waiting receivers imply an empty buffer: they get nothing. Waiting senders raise.
        WaitNode* first = nullptr;
        WaitNode** tail = &first;
        for (WaitQueue* queue : {&recvq_, &sendq_}) {
            while (WaitNode* node = queue->claim_first(kClosedBit)) {
                *tail = node;
                tail = &node->next;
            }
        }
        lock.unlock();
        while (first != nullptr) {
            WaitNode* node = first;
            first = node->next;  // read before waking: the node lives on the woken task's stack
            wake(*node->waiter, false);
        }
    }

    SpinLock lock_;
    WaitQueue recvq_;
    WaitQueue sendq_;
    bool closed_ = false;

protected:
    // Registers the running task in `queue` with `slot`, releases `lock` and waits; returns
    // the outcome its claimer set.
    int wait_in(WaitQueue& queue, void* slot, Lock& lock) {
        Waiter waiter;
        prepare_wait(waiter, true);
        WaitNode node;
        node.waiter = &waiter;
        node.slot = slot;
        queue.push_back(node);
        ParkLock park = hold_park(waiter);
        lock.unlock();
        block(waiter, park);
        return waiter.outcome.load(std::memory_order_acquire);
    }

    const std::size_t capacity_;
};

template <class T>
class ChanState final : public ChanCore {
    static_assert(std::is_nothrow_move_constructible_v<T>,
                  "channel values are moved under a spinlock");

public:
    using ChanCore::ChanCore;

    Poll try_collect(std::optional<T>& out, Waiter*& woken) noexcept {
        if (!buf_.empty()) {
            out.emplace(buf_.pop());
            if (WaitNode* sender = sendq_.claim_first()) {
                buf_.push(std::move(*static_cast<T*>(sender->slot)));
                woken = sender->waiter;
            }
            return Poll::Ready;
        }
        if (WaitNode* sender = sendq_.claim_first()) {
            out.emplace(std::move(*static_cast<T*>(sender->slot)));
            woken = sender->waiter;
            return Poll::Ready;
        }
        return closed_ ? Poll::Closed : Poll::NotReady;
    }

    Poll try_push(T& value, Waiter*& woken) {
        if (closed_) {
            return Poll::Closed;
        }
        if (WaitNode* receiver = recvq_.claim_first()) {
            static_cast<std::optional<T>*>(receiver->slot)->emplace(std::move(value));
            woken = receiver->waiter;
            return Poll::Ready;
        }
        if (buf_.size() < capacity_) {
            buf_.push(std::move(value));
            return Poll::Ready;
        }
        return Poll::NotReady;
    }

    Poll poll_collect(void* out, Waiter*& woken) override {
        return try_collect(*static_cast<std::optional<T>*>(out), woken);
    }
    Poll poll_push(void* value, Waiter*& woken) override {
        return try_push(*static_cast<T*>(value), woken);
    }

    void push(T value) {
        Waiter* woken = nullptr;
        Lock lock(lock_);
        const Poll poll = try_push(value, woken);
        if (poll == Poll::NotReady) {
            if (wait_in(sendq_, &value, lock) & kClosedBit) {
                raise_push_closed();
            }
            return;
        }
        lock.unlock();
        if (woken != nullptr) {
            wake(*woken);
        }
        if (poll == Poll::Closed) {
            raise_push_closed();
        }
    }

    // The oldest value; nullopt once the channel is closed and drained.
    std::optional<T> collect_or_closed() {
        std::optional<T> out;
        Waiter* woken = nullptr;
        Lock lock(lock_);
        const Poll poll = try_collect(out, woken);
        if (poll == Poll::NotReady) {
            wait_in(recvq_, &out, lock);  // a close leaves `out` empty
            return out;
        }
        lock.unlock();
        if (woken != nullptr) {
            wake(*woken);
        }
        return out;
    }

    T collect() {
        std::optional<T> out = collect_or_closed();
        if (!out) {
            raise_collect_closed();
        }
        return std::move(*out);
    }

    std::size_t len() {
        Lock lock(lock_);
        return buf_.size();
    }

private:
    Ring<T> buf_;
};

// What Chan, Sender and Receiver share: the handle, identity, and what both views offer.
template <class T>
class ChanHandle {
public:
    ChanHandle() = default;
    explicit ChanHandle(std::shared_ptr<ChanState<T>> state) noexcept : state_(std::move(state)) {}

    Int len() const { return Int(static_cast<std::int64_t>(state().len())); }
    Int capacity() const { return Int(static_cast<std::int64_t>(state().capacity())); }

    ChanState<T>& state() const {
        if (state_ == nullptr) [[unlikely]] {
            raise_error("channel used before it is set");
        }
        return *state_;
    }
    const std::shared_ptr<ChanState<T>>& shared_state() const noexcept { return state_; }

    friend bool operator==(const ChanHandle& a, const ChanHandle& b) noexcept {
        return a.state_ == b.state_;
    }

protected:
    std::shared_ptr<ChanState<T>> state_;
};

// Input iteration over a receiving channel: `for (T v : rx)` collects until closed and
// drained. Each wait records the loop's location again (the one recorded when the loop began:
// generated code records the `for` statement's), so a deadlock or an error while waiting is
// reported at the loop, not at the body's last statement.
template <class T>
class ChanIterator {
public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    struct End {};

    explicit ChanIterator(ChanState<T>* state)
        : state_(state), loc_(current_task()->loc.load(std::memory_order_relaxed)) {
        ++*this;
    }

    T& operator*() noexcept { return *current_; }
    ChanIterator& operator++() {
        current_task()->loc.store(loc_, std::memory_order_relaxed);
        current_ = state_->collect_or_closed();
        return *this;
    }
    friend bool operator==(const ChanIterator& it, End) noexcept { return !it.current_; }

private:
    ChanState<T>* state_;
    const SrcLoc* loc_;
    std::optional<T> current_;
};

}  // namespace pyro::rt

namespace pyro {

template <class T>
class Chan;

// The sending half of a channel (`Sender<T>`): push, close, len, capacity.
template <class T>
class Sender : public rt::ChanHandle<T> {
public:
    Sender() = default;
    explicit Sender(std::shared_ptr<rt::ChanState<T>> state) noexcept
        : rt::ChanHandle<T>(std::move(state)) {}

    void push(T value) const { this->state().push(std::move(value)); }
    void close() const { this->state().close(); }
};

// The receiving half of a channel (`Receiver<T>`): collect, len, capacity, iteration.
template <class T>
class Receiver : public rt::ChanHandle<T> {
public:
    Receiver() = default;
    explicit Receiver(std::shared_ptr<rt::ChanState<T>> state) noexcept
        : rt::ChanHandle<T>(std::move(state)) {}

    T collect() const { return this->state().collect(); }
    rt::ChanIterator<T> begin() const { return rt::ChanIterator<T>(&this->state()); }
    typename rt::ChanIterator<T>::End end() const noexcept { return {}; }
};

// A channel (`chan<T>`): both halves; converts implicitly to either view.
template <class T>
class Chan : public rt::ChanHandle<T> {
public:
    Chan() = default;  // no channel yet, e.g. a module-level variable before its `let` runs
    explicit Chan(std::shared_ptr<rt::ChanState<T>> state) noexcept
        : rt::ChanHandle<T>(std::move(state)) {}

    void push(T value) const { this->state().push(std::move(value)); }
    T collect() const { return this->state().collect(); }
    void close() const { this->state().close(); }

    Sender<T> sender() const { return Sender<T>(this->state_); }
    Receiver<T> receiver() const { return Receiver<T>(this->state_); }
    operator Sender<T>() const { return sender(); }
    operator Receiver<T>() const { return receiver(); }

    rt::ChanIterator<T> begin() const { return rt::ChanIterator<T>(&this->state()); }
    typename rt::ChanIterator<T>::End end() const noexcept { return {}; }
};

// `chan<T>(n)`.
template <class T>
Chan<T> chan(Int capacity) {
    if (capacity.v < 0) {
        rt::raise_error("negative channel capacity: " + std::to_string(capacity.v));
    }
    return Chan<T>(std::make_shared<rt::ChanState<T>>(static_cast<std::size_t>(capacity.v)));
}

}  // namespace pyro

namespace pyro::rt {

template <class T>
struct TypeName<Chan<T>> {
    static std::string name() { return "chan<" + type_name<T>() + ">"; }
};
template <class T>
struct TypeName<Sender<T>> {
    static std::string name() { return "Sender<" + type_name<T>() + ">"; }
};
template <class T>
struct TypeName<Receiver<T>> {
    static std::string name() { return "Receiver<" + type_name<T>() + ">"; }
};

template <class T>
struct Printer<Chan<T>> {
    static void str(Buf& out, const Chan<T>&) { append(out, "<chan " + type_name<T>() + ">"); }
};
template <class T>
struct Printer<Sender<T>> {
    static void str(Buf& out, const Sender<T>&) { append(out, "<Sender " + type_name<T>() + ">"); }
};
template <class T>
struct Printer<Receiver<T>> {
    static void str(Buf& out, const Receiver<T>&) {
        append(out, "<Receiver " + type_name<T>() + ">");
    }
};

}  // namespace pyro::rt
