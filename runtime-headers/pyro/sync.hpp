// std.sync: pyro::sync::WaitGroup and pyro::sync::Mutex (LANGUAGE.md 6.5).
//
// Both are handles to shared state, like channels: copies (arguments of `go`) refer to the
// same group or lock, and they compare by identity. Waiting suspends only the task and counts
// as blocked for deadlock detection. The mutex hands ownership directly to the first waiting
// task on unlock (first come, first served, no barging), so a task cannot starve; unlocking a
// mutex that is not locked raises `unlock of unlocked mutex`. A WaitGroup's counter going
// below zero raises `negative WaitGroup counter`.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "pyro/error.hpp"
#include "pyro/int.hpp"
#include "pyro/park.hpp"
#include "pyro/print.hpp"
#include "pyro/spin_lock.hpp"
#include "pyro/type_name.hpp"
#include "pyro/waiter.hpp"

namespace pyro::rt {

using SyncLock = std::unique_lock<SpinLock>;

// Registers the running task in `queue`, releases `lock` and waits for a claimer.
inline void wait_in_queue(WaitQueue& queue, SyncLock& lock) {
    Waiter waiter;
    prepare_wait(waiter, true);
    WaitNode node;
    node.waiter = &waiter;
    queue.push_back(node);
    ParkLock park = hold_park(waiter);
    lock.unlock();
    block(waiter, park);
}

}  // namespace pyro::rt

namespace pyro::sync {

class WaitGroup {
public:
    WaitGroup() : state_(std::make_shared<State>()) {}

    void add(Int n) const {
        State& s = *state_;
        rt::SyncLock lock(s.lock);
        std::int64_t count;
        if (__builtin_add_overflow(s.count, n.v, &count)) {
            lock.unlock();
            rt::raise_error("integer overflow");
        }
        if (count < 0) {
            lock.unlock();
            rt::raise_error("negative WaitGroup counter");
        }
        s.count = count;
        if (count != 0) {
            return;
        }
        rt::WaitNode* first = nullptr;
        rt::WaitNode** tail = &first;
        while (rt::WaitNode* node = s.waiters.claim_first()) {
            *tail = node;
            tail = &node->next;
        }
        lock.unlock();
        while (first != nullptr) {
            rt::WaitNode* node = first;
            first = node->next;  // before waking: the node lives on the woken task's stack
            rt::wake(*node->waiter, false);
        }
    }

    void done() const { add(Int(-1)); }

    void wait() const {
        State& s = *state_;
        rt::SyncLock lock(s.lock);
        if (s.count == 0) {
            return;
        }
        rt::wait_in_queue(s.waiters, lock);
    }

    friend bool operator==(const WaitGroup& a, const WaitGroup& b) noexcept {
        return a.state_ == b.state_;
    }

private:
    struct State {
        rt::SpinLock lock;
        std::int64_t count = 0;
        rt::WaitQueue waiters;
    };
    std::shared_ptr<State> state_;
};

class Mutex {
public:
    Mutex() : state_(std::make_shared<State>()) {}

    void lock() const {
        State& s = *state_;
        rt::SyncLock lock(s.lock);
        if (!s.locked) {
            s.locked = true;
            return;
        }
        rt::wait_in_queue(s.waiters, lock);  // woken as the new owner
    }

    void unlock() const {
        State& s = *state_;
        rt::SyncLock lock(s.lock);
        if (!s.locked) {
            lock.unlock();
            rt::raise_error("unlock of unlocked mutex");
        }
        rt::WaitNode* next = s.waiters.claim_first();
        if (next == nullptr) {
            s.locked = false;
            return;
        }
        rt::Waiter& owner = *next->waiter;  // stays locked: ownership passes to `owner`
        lock.unlock();
        rt::wake(owner);
    }

    friend bool operator==(const Mutex& a, const Mutex& b) noexcept { return a.state_ == b.state_; }

private:
    struct State {
        rt::SpinLock lock;
        bool locked = false;
        rt::WaitQueue waiters;
    };
    std::shared_ptr<State> state_;
};

}  // namespace pyro::sync

namespace pyro::rt {

template <>
struct TypeName<sync::WaitGroup> {
    static std::string name() { return "WaitGroup"; }
};
template <>
struct TypeName<sync::Mutex> {
    static std::string name() { return "Mutex"; }
};
template <>
struct Printer<sync::WaitGroup> {
    static void str(Buf& out, const sync::WaitGroup&) { append(out, "<WaitGroup>"); }
};
template <>
struct Printer<sync::Mutex> {
    static void str(Buf& out, const sync::Mutex&) { append(out, "<Mutex>"); }
};

}  // namespace pyro::rt
