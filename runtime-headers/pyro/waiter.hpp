// How a task waits inside the runtime: the Waiter it parks with and the WaitNodes that
// register it with channels, mutexes and wait groups.
//
// One Waiter stands for one blocked task; it lives on that task's stack for the duration of
// the wait. A plain channel operation registers it through one WaitNode, a `select` through one
// node per case, and a timed wait (sleep, `after`) also puts it in the timer set. Whoever makes
// the wait end first *claims* the waiter: an atomic compare-and-swap of its outcome from
// kWaiting to a result (the index of the case that fired, plus kClosedBit when a close ended
// it). Only the claimer may complete the operation and wake the task, so a select woken by two
// channels at once, or by a channel and its timeout, proceeds exactly once. Nodes of a claimed
// waiter left in other queues are stale: whoever meets one drops it, and the waiter itself
// unlinks the rest under each queue's lock before returning.
//
// The park lock closes the gap between registering and switching out: the waiting task holds
// it while it suspends and Boost releases it only after the switch (scheduler::suspend(lk)),
// and a claimer takes it once before waking the task, so a task is never resumed while it is
// still running on its old stack.
#pragma once

#include <boost/fiber/context.hpp>
#include <boost/fiber/detail/spinlock.hpp>
#include <boost/intrusive/set_hook.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace pyro::rt {

inline constexpr int kWaiting = -1;
inline constexpr int kClosedBit = 1 << 30;  // or'ed into the outcome when a close ended the wait

struct Waiter {
    boost::fibers::context* ctx = nullptr;
    std::atomic<int> outcome{kWaiting};
    boost::fibers::detail::spinlock park_lock;
    // Set by block() before the task switches out, read by the claimer after the park lock:
    // a detached task belongs to no thread and runs next on its waker's.
    bool detached = false;
    // Whether this wait counts as blocked for deadlock detection (a task in a wait that only
    // another task can end; not a sleep or a select with a timeout).
    bool counted = false;
    // Timed waits: the steady-clock deadline in nanoseconds and the outcome it sets.
    std::int64_t deadline = 0;
    int timeout_outcome = 0;
    boost::intrusive::set_member_hook<> timer_hook;

    bool claim(int result) noexcept {
        int expected = kWaiting;
        return outcome.compare_exchange_strong(expected, result, std::memory_order_acq_rel,
                                               std::memory_order_acquire);
    }
    bool claimed() const noexcept { return outcome.load(std::memory_order_acquire) != kWaiting; }
};

using ParkLock = boost::fibers::detail::spinlock_lock;

// Takes a fresh waiter's park lock (never contended). try_lock, not lock: in Boost 1.74,
// spinlock_ttas::lock() reserves a 5 KB stack frame (for a thread-local random generator it
// seeds on first use), which on a task's stack would commit a second page per task. The
// runtime's other locks are rt::SpinLock for the same reason.
inline ParkLock hold_park(Waiter& w) noexcept {
    w.park_lock.try_lock();
    return ParkLock(w.park_lock, std::adopt_lock);
}

// Waits until a claimed waiter's task has switched out (Boost released its park lock).
inline void sync_park(Waiter& w) noexcept {
    while (!w.park_lock.try_lock()) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
    w.park_lock.unlock();
}

// A waiter's registration in one queue. `slot` carries the value: for a waiting push the T to
// move from, for a waiting collect the std::optional<T> to fill.
struct WaitNode {
    WaitNode* prev = nullptr;
    WaitNode* next = nullptr;
    Waiter* waiter = nullptr;
    int index = 0;
    void* slot = nullptr;
    bool linked = false;
};

// A FIFO of WaitNodes, guarded by its owner's lock (first come, first served).
class WaitQueue {
public:
    bool empty() const noexcept { return head_ == nullptr; }

    void push_back(WaitNode& node) noexcept {
        node.prev = tail_;
        node.next = nullptr;
        if (tail_ != nullptr) {
            tail_->next = &node;
        } else {
            head_ = &node;
        }
        tail_ = &node;
        node.linked = true;
    }

    void remove(WaitNode& node) noexcept {
        if (!node.linked) {
            return;
        }
        (node.prev != nullptr ? node.prev->next : head_) = node.next;
        (node.next != nullptr ? node.next->prev : tail_) = node.prev;
        node.prev = node.next = nullptr;
        node.linked = false;
    }

    // Unlinks and returns the first node whose waiter this call claims with the node's index
    // (plus `extra`), dropping stale nodes on the way; null when there is none.
    WaitNode* claim_first(int extra = 0) noexcept {
        while (head_ != nullptr) {
            WaitNode* node = head_;
            remove(*node);
            if (node->waiter->claim(node->index | extra)) {
                return node;
            }
        }
        return nullptr;
    }

    // The first node whose waiter is still unclaimed, left in place; null when there is none.
    // Stale nodes are dropped.
    WaitNode* first_live() noexcept {
        while (head_ != nullptr && head_->waiter->claimed()) {
            remove(*head_);
        }
        return head_;
    }

private:
    WaitNode* head_ = nullptr;
    WaitNode* tail_ = nullptr;
};

}  // namespace pyro::rt
