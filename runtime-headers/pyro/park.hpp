// Parking and waking tasks, and deadlock detection.
//
// Every wait in the runtime (channels, select, WaitGroup, Mutex, sleep) goes through block()
// and wake(). block() suspends the running task; under the scheduler it first detaches the task
// from its thread, so the task belongs to nobody while it waits and wake() makes it ready on
// the *waker's* worker, in runnext (see scheduler.hpp). Outside the scheduler (Boost's default
// scheduler, e.g. in unit tests) tasks stay attached and Boost's own local/remote wake-up path
// is used. Both sides re-point the thread's task-local state (location slot, stack limit) at
// the task that runs after a switch, since a task may resume on another thread.
//
// Deadlock detection is a single counter: the number of tasks that are not blocked in a
// runtime wait that only another task can end (`running`). A task entering such a wait
// decrements it, a task that ends decrements it, and whoever ends such a wait increments it
// for the woken task *before* making it runnable; `go` increments it for the new task. Every
// change is made by a running task, so the counter can reach 0 only when the last running task
// blocks or ends while all others are blocked: nobody is left to wake anyone, and no timer can
// (sleeping tasks and selects with `after` are not counted as blocked). That is a deadlock, and
// it is reported at once, at the location where the main task waits.
#pragma once

#include <fmt/format.h>

#include <boost/fiber/context.hpp>
#include <boost/fiber/scheduler.hpp>
#include <boost/fiber/type.hpp>

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <thread>

#include "pyro/error.hpp"
#include "pyro/print.hpp"
#include "pyro/scheduler.hpp"
#include "pyro/stack.hpp"
#include "pyro/timers.hpp"
#include "pyro/waiter.hpp"

namespace pyro::rt {

// A task's runtime state: the location slot errors read (TaskState), its stack bounds, and
// where it was started. Lives on the task's own stack.
struct Task : TaskState {
    StackBounds stack;
    const SrcLoc* go_site = nullptr;  // the `go` statement; null for the main program
    bool counted = false;             // takes part in deadlock detection
};

inline constinit thread_local Task* tls_task = nullptr;

// Points this thread's task-local state at `task` (null: no task). A task enters itself when
// it starts and whenever it resumes, and leaves before it switches out, so a thread's state
// never names a task that is not running on it. Never inlined, like every access to these
// thread-locals after a switch (see current_worker()).
[[gnu::noinline]] inline void enter_task(Task* task) noexcept {
    tls_task = task;
    if (task != nullptr) {
        set_current_task(task);
        current_stack = &task->stack;
        stack_limit = task->stack.limit;
        asan_enter(task->stack);
    } else {
        set_current_task(&default_task_state);
        current_stack = nullptr;
        stack_limit = 0;
        asan_leave();
    }
}

[[gnu::noinline]] inline Task* running_task() noexcept {
    return tls_task;
}

// Ends the process with `status`, after writing `message` (if any) to stderr; stdout is
// flushed first. Only the first caller does it: whoever comes second (another task's error,
// main returning during a report) waits for it.
[[noreturn]] inline void exit_process(int status, std::string_view message = {}) noexcept {
    static std::atomic_flag exiting;
    if (exiting.test_and_set()) {
        for (;;) {
            ::pause();
        }
    }
    flush_out();
    if (!message.empty()) {
        Buf text;
        append(text, message);
        write_err(text);
    }
    std::_Exit(status);
}

struct TaskCounts {
    std::atomic<std::int64_t> running{0};
    std::atomic<TaskState*> main{nullptr};  // whose location a deadlock report names
};
inline TaskCounts task_counts;

[[noreturn, gnu::cold, gnu::noinline]] inline void report_deadlock() noexcept {
    TaskState* main = task_counts.main.load(std::memory_order_acquire);
    const SrcLoc* where = main != nullptr ? main->loc.load(std::memory_order_relaxed) : nullptr;
    Buf text;
    if (where != nullptr) {
        fmt::format_to(std::back_inserter(text), "{}:{}:{}: ", where->file, where->line,
                       where->col);
    }
    append(text, "fatal error: all tasks are blocked (deadlock)\n");
    exit_process(2, std::string_view(text.data(), text.size()));
}

inline void task_started() noexcept {
    task_counts.running.fetch_add(1, std::memory_order_acq_rel);
}

inline void task_stopped() noexcept {
    if (task_counts.running.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        report_deadlock();
    }
}

// Fills in who waits; `blocking` says whether only another task can end this wait.
inline void prepare_wait(Waiter& w, bool blocking) noexcept {
    w.ctx = context::active();
    Task* task = running_task();
    w.counted = blocking && task != nullptr && task->counted;
}

// Suspends the running task until a claimer wakes it. The caller has registered `w` wherever it
// waits and holds `park` (w.park_lock), which Boost releases once the task has switched out.
inline void block(Waiter& w, ParkLock& park) {
    Task* self = running_task();
    context* ctx = w.ctx;
    boost::fibers::scheduler* sched = ctx->get_scheduler();
    if (current_worker() != nullptr && !ctx->is_context(boost::fibers::type::pinned_context)) {
        sched->detach_worker_context(ctx);
        w.detached = true;
    }
    if (w.counted) {
        task_stopped();
    }
    enter_task(nullptr);
    sched->suspend(park);
    enter_task(self);
}

// Makes a claimed waiter's task runnable (next on this thread, when `next`). Call after the
// operation that ended the wait is complete and without holding the queue's lock.
inline void wake(Waiter& w, bool next = true) noexcept {
    sync_park(w);
    context* ctx = w.ctx;
    const bool detached = w.detached;
    if (w.counted) {
        task_started();
    }
    resume_later(ctx, detached, next);  // `w` may be gone from here on
}

// Where timers fire when no worker runs: a thread of its own, started on first use, for
// programs and tests that use channels on Boost's default scheduler.
class FallbackTimerThread {
public:
    static FallbackTimerThread& instance() {
        static FallbackTimerThread* thread = new FallbackTimerThread();
        return *thread;
    }

    void notify() {
        {
            std::lock_guard lock(mutex_);
            changed_ = true;
        }
        cv_.notify_one();
    }

private:
    FallbackTimerThread() {
        std::thread([this] { run(); }).detach();
    }

    [[noreturn]] void run() {
        Timers& timers = Timers::instance();
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                const std::int64_t earliest = timers.earliest();
                auto until = std::chrono::steady_clock::time_point(
                    std::chrono::nanoseconds(earliest == kNoDeadline ? 0 : earliest));
                while (!changed_ &&
                       (earliest == kNoDeadline || std::chrono::steady_clock::now() < until)) {
                    if (earliest == kNoDeadline) {
                        cv_.wait(lock);
                    } else {
                        cv_.wait_until(lock, until);
                    }
                }
                changed_ = false;
            }
            timers.fire_due(steady_now_ns(), [](Waiter& w) { wake(w, false); });
        }
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    bool changed_ = false;
};

// Registers a timed wait's deadline (claimed with w.timeout_outcome) and makes sure someone
// will fire it.
inline void add_timer(Waiter& w) {
    if (!Timers::instance().add(w)) {
        return;
    }
    if (current_worker() != nullptr) {
        Pool::instance().notify_timer();
    } else {
        FallbackTimerThread::instance().notify();
    }
}

inline void cancel_timer(Waiter& w) {
    Timers::instance().cancel(w);
}

}  // namespace pyro::rt
