// The runtime's pending timers: sleeping tasks and `select`s with an `after` case.
//
// One process-wide ordered set of Waiters by deadline (an intrusive multiset: registering a
// timer allocates nothing). Workers fire due timers whenever they schedule and bound their
// parking by the earliest deadline, which `earliest()` publishes without a lock so the check on
// the scheduling path is one load while no timer is pending. Firing claims the waiter with its
// timeout outcome; a waiter that something else claimed first is merely dropped, and the waiter
// removes its entry itself (cancel) once it runs again, under the same lock, so the set never
// holds a dangling pointer to a finished wait.
#pragma once

#include <boost/intrusive/set.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>

#include "pyro/spin_lock.hpp"
#include "pyro/waiter.hpp"

namespace pyro::rt {

inline constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();

inline std::int64_t steady_now_ns() noexcept {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

class Timers {
public:
    static Timers& instance() {
        static Timers* timers = new Timers();  // never destroyed: workers outlive statics
        return *timers;
    }

    // Registers `w` to be claimed with `w.timeout_outcome` at `w.deadline`. Returns true when it
    // is now the earliest timer (parked workers must learn the new deadline).
    bool add(Waiter& w) {
        std::lock_guard lock(lock_);
        set_.insert(w);
        if (w.deadline < earliest_.load(std::memory_order_relaxed)) {
            earliest_.store(w.deadline, std::memory_order_seq_cst);
            return true;
        }
        return false;
    }

    // Removes `w`'s timer if it has not fired.
    void cancel(Waiter& w) {
        std::lock_guard lock(lock_);
        if (w.timer_hook.is_linked()) {
            set_.erase(set_.iterator_to(w));
            publish_earliest();
        }
    }

    std::int64_t earliest() const noexcept { return earliest_.load(std::memory_order_seq_cst); }
    bool due(std::int64_t now) const noexcept {
        return earliest_.load(std::memory_order_relaxed) <= now;
    }

    // Claims every waiter whose deadline has passed and hands each claimed one to `wake`
    // after the lock is released. Waking waits for the waiter's park lock, so the caller must
    // not hold a park lock itself: two tasks switching out on two threads, each firing the
    // other's timer, would wait for each other forever.
    template <class Wake>
    void fire_due(std::int64_t now, Wake&& wake) {
        Waiter* fired[32];
        std::size_t count = 0;
        {
            std::lock_guard lock(lock_);
            while (!set_.empty() && set_.begin()->deadline <= now && count < std::size(fired)) {
                Waiter& w = *set_.begin();
                set_.erase(set_.begin());
                if (w.claim(w.timeout_outcome)) {
                    fired[count++] = &w;
                }
            }
            publish_earliest();
        }
        for (std::size_t i = 0; i < count; ++i) {
            wake(*fired[i]);
        }
    }

private:
    struct ByDeadline {
        bool operator()(const Waiter& a, const Waiter& b) const noexcept {
            return a.deadline < b.deadline;
        }
    };
    using Set = boost::intrusive::multiset<
        Waiter,
        boost::intrusive::member_hook<Waiter, boost::intrusive::set_member_hook<>,
                                      &Waiter::timer_hook>,
        boost::intrusive::compare<ByDeadline>>;

    void publish_earliest() noexcept {
        earliest_.store(set_.empty() ? kNoDeadline : set_.begin()->deadline,
                        std::memory_order_seq_cst);
    }

    SpinLock lock_;
    Set set_;
    std::atomic<std::int64_t> earliest_{kNoDeadline};
};

}  // namespace pyro::rt
