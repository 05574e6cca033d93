// pyro::rt::SpinLock, the small lock inside every mutable container and class instance.
//
// Pyro makes each method call on a shared mutable value atomic (LANGUAGE.md 5.2, 5.4). The
// sections it guards are a few dozen instructions (a field copy, a push, a hash-table probe)
// and never run user code or block, so a one-byte test-and-test-and-set lock beats a mutex:
// uncontended it costs one atomic exchange and one store. Under contention it spins politely
// (the CPU's pause instruction) and then yields the thread, so a waiter never burns a core
// while the owner is descheduled. It never parks the thread on a futex: a fiber that waited
// that way would stall every other task of its worker thread. Code that holds one must not
// take another lock of the same kind (copy what it needs, release, then go on) — that keeps
// the runtime free of lock-order deadlocks.
#pragma once

#include <atomic>
#include <thread>

namespace pyro::rt {

class SpinLock {
public:
    SpinLock() noexcept = default;
    SpinLock(const SpinLock&) = delete;
    SpinLock& operator=(const SpinLock&) = delete;

    void lock() noexcept {
        if (!locked_.exchange(true, std::memory_order_acquire)) [[likely]] {
            return;
        }
        lock_slow();
    }
    bool try_lock() noexcept {
        return !locked_.load(std::memory_order_relaxed) &&
               !locked_.exchange(true, std::memory_order_acquire);
    }
    void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
    [[gnu::noinline]] void lock_slow() noexcept {
        for (unsigned spins = 0;; ++spins) {
            // Wait on a plain load so waiters share the cache line instead of bouncing it.
            while (locked_.load(std::memory_order_relaxed)) {
                if (spins < 64) {
                    pause();
                    ++spins;
                } else {
                    std::this_thread::yield();
                }
            }
            if (!locked_.exchange(true, std::memory_order_acquire)) {
                return;
            }
        }
    }
    static void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#elif defined(__aarch64__)
        asm volatile("yield");
#endif
    }

    std::atomic<bool> locked_{false};
};

}  // namespace pyro::rt
