// The scheduling algorithm every worker thread runs: work stealing with parking.
//
// Boost.Fiber asks an algorithm four things: take a ready fiber (awakened), give the next one
// (pick_next), wait when there is none (suspend_until) and stop waiting (notify). Boost's own
// `work_stealing` either spins at 100% CPU when idle or, with suspend=true, can miss a wake-up
// when work arrives from another thread (boostorg/fiber#203, #274, #327), so this is ours:
//
// - Each Worker has a `runnext` slot and a locked FIFO. A task made ready by a task running on
//   this thread (a channel hand-off, a `go`) goes to runnext and runs next, as in Go: a
//   producer and its consumer keep passing control on one thread instead of bouncing between
//   caches. The task runnext displaces, and tasks Boost readies (yields), go to the FIFO.
//   After kRunnextStreak runnext picks in a row the FIFO goes first, so two tasks passing
//   control back and forth cannot starve the rest.
// - Tasks blocked in runtime waits belong to no thread (park.hpp detaches them), and ready
//   tasks in a Worker's queues are detached too; pick_next attaches what it returns to its own
//   scheduler. That is what lets any worker steal from any other, and a waker's thread run the
//   task it woke.
// - An idle worker first spins briefly (kSpinNs), stealing a victim's FIFO tasks once the
//   victim has run one task for kFifoBusyNs or left its FIFO alone for kFifoStarvedNs, and its
//   runnext task once that has sat there kRunnextStaleNs (its owner is busy), then parks on a
//   futex (re-checking every kRecheckNs while other workers hold queued tasks). Whoever makes
//   work available calls Pool::notify_work(), which wakes one parked worker unless another is
//   already spinning; the Dekker-style order (publish work, fence, read the counts / announce
//   parking, fence, recheck the queues) means no wake-up is lost.
// - Timers (timers.hpp) fire in the dispatcher of whichever worker schedules after their
//   deadline (never while a task is switching out: see pick_next). One parked worker at a
//   time, the timer watcher, parks with the earliest deadline as its timeout; the others park
//   without one, so a program whose tasks all sleep uses no CPU. Registering an earlier timer
//   wakes the watcher so it re-parks with the new deadline.
// - Boost's dispatcher (remote wake-ups of pinned fibers, Boost's own sleep queue, freeing
//   finished fibers, our timers) runs when notify() says something arrived from another
//   thread, when a timer is due, when the local queues are empty, and every kDispatchEvery
//   picks.
// docs/internals/concurrency.md has the whole story.
#pragma once

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/context.hpp>
#include <boost/fiber/scheduler.hpp>
#include <boost/fiber/type.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "pyro/spin_lock.hpp"
#include "pyro/timers.hpp"

namespace pyro::rt {

using boost::fibers::context;

inline constexpr std::uint32_t kDispatchEvery = 61;
inline constexpr std::uint32_t kRunnextStreak = 64;
inline constexpr std::int64_t kSpinNs = 20'000;
inline constexpr std::int64_t kRunnextStaleNs = 5'000;
inline constexpr std::int64_t kFifoBusyNs = 50'000;
inline constexpr std::int64_t kFifoStarvedNs = 1'000'000;
inline constexpr std::int64_t kRecheckNs = 250'000;

// Waits while `word` holds `expected`, at most until `deadline_ns` on the steady clock
// (CLOCK_MONOTONIC, what FUTEX_WAIT_BITSET measures absolute timeouts with).
inline void futex_wait_until(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                             std::int64_t deadline_ns) noexcept {
    static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));
    timespec ts{};
    const timespec* timeout = nullptr;
    if (deadline_ns != kNoDeadline) {
        ts.tv_sec = static_cast<time_t>(deadline_ns / 1'000'000'000);
        ts.tv_nsec = static_cast<long>(deadline_ns % 1'000'000'000);
        timeout = &ts;
    }
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word),
              FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, expected, timeout, nullptr,
              FUTEX_BITSET_MATCH_ANY);
}

inline void futex_wake_one(std::atomic<std::uint32_t>& word) noexcept {
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
              1, nullptr, nullptr, 0);
}

// A spin-wait hint to the CPU.
inline void cpu_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

class Worker;

// The set of worker threads and what they share: who is spinning, who is parked, who watches
// the timers.
class Pool {
public:
    static Pool& instance() {
        static Pool* pool = new Pool();  // never destroyed: worker threads outlive statics
        return *pool;
    }

    // Fixes the number of workers; each registers itself with publish() from its thread.
    void init(unsigned count) {
        workers_ = std::make_unique<std::atomic<Worker*>[]>(count);
        count_.store(count, std::memory_order_release);
    }
    unsigned size() const noexcept { return count_.load(std::memory_order_acquire); }
    Worker* worker(unsigned i) const noexcept {
        return workers_[i].load(std::memory_order_acquire);
    }
    void publish(unsigned i, Worker* w) noexcept {
        workers_[i].store(w, std::memory_order_release);
    }

    // Called after making a task runnable: wakes a parked worker unless one is already
    // spinning (it will find the task).
    void notify_work() noexcept;
    // Called when a timer became the earliest: the watcher must re-park with its deadline.
    void notify_timer() noexcept;
    void wake_one() noexcept;

    std::atomic<int> spinning{0};
    std::atomic<int> parked{0};
    std::atomic<int> timer_watcher{-1};

private:
    Pool() = default;

    std::unique_ptr<std::atomic<Worker*>[]> workers_;
    std::atomic<unsigned> count_{0};
    std::atomic<unsigned> next_wake_{0};
};

// The worker whose scheduler runs on this thread; null on other threads. Read through a
// function that is never inlined: a task may resume on another thread, and a compiler that
// cached this thread-local's address across the switch would read the old thread's.
inline constinit thread_local Worker* tls_worker = nullptr;
[[gnu::noinline]] inline Worker* current_worker() noexcept {
    return tls_worker;
}

class Worker final : public boost::fibers::algo::algorithm {
public:
    using ReadyQueue = boost::fibers::scheduler::ready_queue_type;

    // Runs on the worker's own thread (Boost constructs the algorithm there).
    Worker(Pool& pool, unsigned index)
        : pool_(pool),
          index_(index),
          sched_(context::active()->get_scheduler()),
          rng_(0x9e3779b97f4a7c15u * (index + 1)),
          seen_(std::make_unique<Seen[]>(pool.size())),
          fifo_seen_(std::make_unique<FifoSeen[]>(pool.size())) {
        tls_worker = this;
        pool.publish(index, this);
    }

    unsigned index() const noexcept { return index_; }
    boost::fibers::scheduler* scheduler() const noexcept { return sched_; }

    // A context Boost made ready on this thread: new fibers, yields, remote wake-ups, and
    // Boost's own waits. It is attached to this thread's scheduler; detach it so any worker
    // may run it.
    void awakened(context* ctx) noexcept override {
        if (ctx->is_context(boost::fibers::type::dispatcher_context)) {
            dispatcher_ = ctx;
            return;
        }
        if (ctx->is_context(boost::fibers::type::pinned_context)) {
            ctx->ready_link(pinned_);
            return;
        }
        ctx->detach();
        const bool next = new_task_next_;
        new_task_next_ = false;
        push_ready(ctx, next);
    }

    // Makes a detached context runnable here, next or at the back. Only on this thread.
    void push_ready(context* ctx, bool next) noexcept {
        if (next) {
            ctx = runnext_.exchange(ctx, std::memory_order_acq_rel);
            runnext_seq_.fetch_add(1, std::memory_order_release);
        }
        if (ctx != nullptr) {
            std::lock_guard lock(queue_lock_);
            ctx->ready_link(queue_);
            queue_size_.fetch_add(1, std::memory_order_release);
        }
        pool_.notify_work();
    }

    // From any thread: makes a detached context runnable at the back of this worker's FIFO.
    void inject(context* ctx) noexcept {
        {
            std::lock_guard lock(queue_lock_);
            ctx->ready_link(queue_);
            queue_size_.fetch_add(1, std::memory_order_release);
        }
        pool_.notify_work();
    }

    // The next awakened() is a new task (go): it runs next, as the task it was started for
    // is likely to wait for it.
    void mark_new_task() noexcept { new_task_next_ = true; }

    context* pick_next() noexcept override {
        ++tick_;
        picks_.store(tick_, std::memory_order_relaxed);
        Timers& timers = Timers::instance();
        const bool timers_due = timers.earliest() != kNoDeadline && timers.due(steady_now_ns());
        if (dispatcher_ != nullptr) {
            // A task is switching out (it holds its park lock): only the dispatcher, which
            // holds none, may fire timers.
            if (tick_ % kDispatchEvery == 0 || timers_due ||
                remote_pending_.load(std::memory_order_relaxed)) {
                remote_pending_.store(false, std::memory_order_relaxed);
                return take_dispatcher();
            }
        } else if (timers_due) {
            fire_timers();
        }
        if (!pinned_.empty()) {
            context* ctx = &pinned_.front();
            pinned_.pop_front();
            return ctx;
        }
        if (context* ctx = take_local()) {
            return attach(ctx);
        }
        if (dispatcher_ != nullptr) {
            return take_dispatcher();
        }
        if (context* ctx = steal()) {
            return attach(ctx);
        }
        return nullptr;
    }

    bool has_ready_fibers() const noexcept override {
        return dispatcher_ != nullptr || !pinned_.empty() ||
               runnext_.load(std::memory_order_relaxed) != nullptr ||
               queue_size_.load(std::memory_order_relaxed) != 0;
    }

    // Only Boost's dispatcher calls this, after pick_next found nothing.
    void suspend_until(std::chrono::steady_clock::time_point const& tp) noexcept override {
        const std::int64_t deadline =
            tp == std::chrono::steady_clock::time_point::max()
                ? kNoDeadline
                : std::chrono::duration_cast<std::chrono::nanoseconds>(tp.time_since_epoch())
                      .count();
        if (!spin(deadline)) {
            park(deadline);
        }
    }

    // Something was put in this scheduler's remote queue (a pinned fiber woken from another
    // thread): the dispatcher must run.
    void notify() noexcept override {
        remote_pending_.store(true, std::memory_order_seq_cst);
        unpark();
    }

    // From any thread: ends this worker's parking, if it is parked. Returns whether it was.
    bool unpark() noexcept {
        if (!parked_.exchange(false, std::memory_order_acq_rel)) {
            return false;
        }
        wake_word_.fetch_add(1, std::memory_order_release);
        futex_wake_one(wake_word_);
        return true;
    }

private:
    context* take_dispatcher() noexcept {
        context* ctx = dispatcher_;
        dispatcher_ = nullptr;
        return ctx;
    }

    context* attach(context* ctx) noexcept {
        sched_->attach_worker_context(ctx);
        return ctx;
    }

    context* take_local() noexcept {
        const bool fifo_first = streak_ >= kRunnextStreak;
        if (!fifo_first && runnext_.load(std::memory_order_relaxed) != nullptr) {
            if (context* ctx = runnext_.exchange(nullptr, std::memory_order_acq_rel)) {
                ++streak_;
                return ctx;
            }
        }
        streak_ = 0;
        if (context* ctx = pop_queue()) {
            return ctx;
        }
        return runnext_.exchange(nullptr, std::memory_order_acq_rel);
    }

    context* pop_queue() noexcept {
        if (queue_size_.load(std::memory_order_acquire) == 0) {
            return nullptr;
        }
        std::lock_guard lock(queue_lock_);
        if (queue_.empty()) {
            return nullptr;
        }
        context* ctx = &queue_.front();
        queue_.pop_front();
        queue_size_.fetch_sub(1, std::memory_order_relaxed);
        queue_pops_.fetch_add(1, std::memory_order_relaxed);
        return ctx;
    }

    // Takes the oldest half of a victim's FIFO (keeping all but one here), else its runnext
    // task if it has gone stale.
    context* steal_from(Worker& victim, std::int64_t now) noexcept {
        if (fifo_stealable(victim, now)) {
            ReadyQueue taken;
            {
                std::lock_guard lock(victim.queue_lock_);
                std::size_t n = (victim.queue_size_.load(std::memory_order_relaxed) + 1) / 2;
                while (n-- > 0 && !victim.queue_.empty()) {
                    context& ctx = victim.queue_.front();
                    victim.queue_.pop_front();
                    victim.queue_size_.fetch_sub(1, std::memory_order_relaxed);
                    taken.push_back(ctx);
                }
            }
            if (!taken.empty()) {
                context* first = &taken.front();
                taken.pop_front();
                if (!taken.empty()) {
                    std::lock_guard lock(queue_lock_);
                    while (!taken.empty()) {
                        context& ctx = taken.front();
                        taken.pop_front();
                        queue_.push_back(ctx);
                        queue_size_.fetch_add(1, std::memory_order_relaxed);
                    }
                }
                return first;
            }
        }
        if (runnext_stale(victim, now)) {
            context* ctx = victim.runnext_.load(std::memory_order_acquire);
            if (ctx != nullptr &&
                victim.runnext_.compare_exchange_strong(ctx, nullptr, std::memory_order_acq_rel)) {
                return ctx;
            }
        }
        return nullptr;
    }

    // Whether the victim's runnext task has been waiting since this worker first saw it at
    // least kRunnextStaleNs ago (its owner is busy running something else).
    bool runnext_stale(Worker& victim, std::int64_t now) noexcept {
        context* ctx = victim.runnext_.load(std::memory_order_acquire);
        const std::uint32_t seq = victim.runnext_seq_.load(std::memory_order_acquire);
        if (ctx == nullptr) {
            return false;
        }
        Seen& seen = seen_[victim.index_];
        if (!seen.valid || seen.seq != seq) {
            seen = {true, seq, now};
            return false;
        }
        return now - seen.since >= kRunnextStaleNs;
    }

    // Whether the victim's FIFO is worth taking from: its owner has been running one task for
    // kFifoBusyNs (a long computation: help it), or has not taken from the FIFO for
    // kFifoStarvedNs. Tasks that an owner switching rapidly among short tasks will reach soon
    // stay put: taking them at once is what made a fan-in 5x slower than Go, as the stolen
    // producers and the owner's consumer then hit the channel from two threads on every value,
    // each value costing a cross-thread block and wake-up instead of a buffered push.
    bool fifo_stealable(Worker& victim, std::int64_t now) noexcept {
        if (victim.queue_size_.load(std::memory_order_seq_cst) == 0) {
            return false;
        }
        const std::uint32_t picks = victim.picks_.load(std::memory_order_relaxed);
        const std::uint32_t pops = victim.queue_pops_.load(std::memory_order_relaxed);
        FifoSeen& seen = fifo_seen_[victim.index_];
        if (!seen.valid) {
            seen = {true, picks, pops, now, now};
            return false;
        }
        if (seen.picks != picks) {
            seen.picks = picks;
            seen.picks_since = now;
        }
        if (seen.pops != pops) {
            seen.pops = pops;
            seen.pops_since = now;
        }
        return now - seen.picks_since >= kFifoBusyNs || now - seen.pops_since >= kFifoStarvedNs;
    }

    context* steal() noexcept {
        Pool& pool = pool_;
        const unsigned n = pool.size();
        if (n <= 1) {
            return nullptr;
        }
        const std::int64_t now = steady_now_ns();
        const auto start = static_cast<unsigned>(next_random() % n);
        for (unsigned i = 0; i < n; ++i) {
            const unsigned v = (start + i) % n;
            Worker* victim = pool.worker(v);
            if (v == index_ || victim == nullptr) {
                continue;
            }
            if (context* ctx = steal_from(*victim, now)) {
                return ctx;
            }
        }
        return nullptr;
    }

    // Whether there is anything for this worker to do (or to steal at once).
    bool sees_work(std::int64_t now, std::int64_t deadline) noexcept {
        if (remote_pending_.load(std::memory_order_seq_cst) || now >= deadline ||
            Timers::instance().due(now)) {
            return true;
        }
        const unsigned n = pool_.size();
        for (unsigned i = 0; i < n; ++i) {
            Worker* w = pool_.worker(i);
            if (w == nullptr || w == this) {
                continue;
            }
            if (fifo_stealable(*w, now) || runnext_stale(*w, now)) {
                return true;
            }
        }
        return false;
    }

    // Whether another worker holds tasks this one may not take yet.
    bool any_queued() const noexcept {
        const unsigned n = pool_.size();
        for (unsigned i = 0; i < n; ++i) {
            Worker* w = pool_.worker(i);
            if (w != nullptr && w != this &&
                (w->runnext_.load(std::memory_order_seq_cst) != nullptr ||
                 w->queue_size_.load(std::memory_order_seq_cst) != 0)) {
                return true;
            }
        }
        return false;
    }

    // Looks for work for up to kSpinNs; true when there is some.
    bool spin(std::int64_t deadline) noexcept {
        pool_.spinning.fetch_add(1, std::memory_order_seq_cst);
        const std::int64_t start = steady_now_ns();
        bool found = false;
        for (std::int64_t now = start; now - start < kSpinNs; now = steady_now_ns()) {
            if (sees_work(now, deadline)) {
                found = true;
                break;
            }
            for (int i = 0; i < 32; ++i) {
                cpu_pause();
            }
        }
        pool_.spinning.fetch_sub(1, std::memory_order_seq_cst);
        // Work published while this worker still counted as spinning woke nobody: look again
        // now that it no longer does.
        return found || sees_work(steady_now_ns(), deadline);
    }

    void park(std::int64_t deadline) noexcept {
        const std::uint32_t seq = wake_word_.load(std::memory_order_acquire);
        parked_.store(true, std::memory_order_seq_cst);
        pool_.parked.fetch_add(1, std::memory_order_seq_cst);
        int none = -1;
        const bool watcher = pool_.timer_watcher.compare_exchange_strong(
            none, static_cast<int>(index_), std::memory_order_seq_cst);
        std::int64_t until = deadline;
        if (watcher) {
            until = std::min(until, Timers::instance().earliest());
        }
        const std::int64_t now = steady_now_ns();
        if (any_queued()) {
            // Tasks queued at a worker that was switching rapidly could sit there while their
            // owner then runs something long: come back to check whether they went stale.
            until = std::min(until, now + kRecheckNs);
        }
        if (!sees_work(now, until)) {
            futex_wait_until(wake_word_, seq, until);
        }
        parked_.store(false, std::memory_order_seq_cst);
        pool_.parked.fetch_sub(1, std::memory_order_seq_cst);
        if (watcher) {
            pool_.timer_watcher.store(-1, std::memory_order_seq_cst);
            // Hand the timers to another parked worker: this one may now run a long task.
            if (Timers::instance().earliest() != kNoDeadline &&
                pool_.parked.load(std::memory_order_seq_cst) > 0) {
                pool_.wake_one();
            }
        }
    }

    void fire_timers() noexcept;

    std::uint64_t next_random() noexcept {
        rng_ ^= rng_ >> 12;
        rng_ ^= rng_ << 25;
        rng_ ^= rng_ >> 27;
        return rng_ * 0x2545f4914f6cdd1du;
    }

    Pool& pool_;
    const unsigned index_;
    boost::fibers::scheduler* const sched_;
    std::uint64_t rng_;

    // Owned by this thread.
    context* dispatcher_ = nullptr;
    ReadyQueue pinned_;
    std::uint32_t tick_ = 0;
    std::uint32_t streak_ = 0;
    bool new_task_next_ = false;
    // When this worker first saw each victim's current runnext task (by its sequence number).
    struct Seen {
        bool valid = false;
        std::uint32_t seq = 0;
        std::int64_t since = 0;
    };
    std::unique_ptr<Seen[]> seen_;
    // What this worker last saw of each victim's scheduling and FIFO, and since when.
    struct FifoSeen {
        bool valid = false;
        std::uint32_t picks = 0;
        std::uint32_t pops = 0;
        std::int64_t picks_since = 0;
        std::int64_t pops_since = 0;
    };
    std::unique_ptr<FifoSeen[]> fifo_seen_;

    // Shared with thieves.
    alignas(64) std::atomic<context*> runnext_{nullptr};
    std::atomic<std::uint32_t> runnext_seq_{0};
    std::atomic<std::uint32_t> picks_{0};  // tick_, for thieves: has the owner switched?
    alignas(64) SpinLock queue_lock_;
    ReadyQueue queue_;
    std::atomic<std::size_t> queue_size_{0};
    std::atomic<std::uint32_t> queue_pops_{0};

    // Parking.
    alignas(64) std::atomic<std::uint32_t> wake_word_{0};
    std::atomic<bool> parked_{false};
    std::atomic<bool> remote_pending_{false};
};

// Makes a context that a claimer just woke runnable: a detached one on the calling thread
// (a worker's runnext or FIFO), an attached one through its own scheduler (Boost's remote queue
// when that is another thread's).
inline void resume_later(context* ctx, bool detached, bool next) noexcept {
    Worker* here = current_worker();
    if (detached) {
        // Only workers detach tasks, so a waker that is not one (a timer thread, a foreign
        // thread) hands the task back to worker 0.
        if (here != nullptr) {
            here->push_ready(ctx, next);
        } else {
            Pool::instance().worker(0)->inject(ctx);
        }
        return;
    }
    boost::fibers::scheduler* own = ctx->get_scheduler();
    boost::fibers::scheduler* local =
        here != nullptr ? here->scheduler() : context::active()->get_scheduler();
    if (own == local) {
        local->schedule(ctx);
    } else {
        own->schedule_from_remote(ctx);
    }
}

// Timers only end waits that are never counted as blocked (deadlock detection), so firing
// one is a claim and a resume.
inline void Worker::fire_timers() noexcept {
    Timers::instance().fire_due(steady_now_ns(), [](Waiter& w) {
        sync_park(w);
        resume_later(w.ctx, w.detached, false);
    });
}

inline void Pool::notify_work() noexcept {
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (spinning.load(std::memory_order_relaxed) == 0 &&
        parked.load(std::memory_order_relaxed) > 0) {
        wake_one();
    }
}

inline void Pool::wake_one() noexcept {
    const unsigned n = size();
    const unsigned start = next_wake_.fetch_add(1, std::memory_order_relaxed);
    for (unsigned i = 0; i < n; ++i) {
        Worker* w = worker((start + i) % n);
        if (w != nullptr && w->unpark()) {
            return;
        }
    }
}

inline void Pool::notify_timer() noexcept {
    const int watcher = timer_watcher.load(std::memory_order_seq_cst);
    if (watcher >= 0) {
        if (Worker* w = worker(static_cast<unsigned>(watcher))) {
            w->unpark();
        }
    } else if (parked.load(std::memory_order_seq_cst) > 0) {
        wake_one();
    }
}

}  // namespace pyro::rt
