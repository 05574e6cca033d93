// Tasks: pyro::go, and the program's entry under the scheduler (pyro::rt::run_tasks).
//
// run_tasks reads PYRO_WORKER_THREADS (default: the number of cores; anything but a positive
// integer is a fatal error, exit status 2; empty counts as unset), turns the calling thread
// into worker 0 and starts the others, each running the Worker algorithm (scheduler.hpp), then
// runs the module's body as the main task, on a large stack, through run_main (main.hpp: argv,
// stdout buffering, the report of an uncaught error). When the main task returns, the process
// flushes its output and exits at once, abandoning tasks still running, as Go does.
//
// go(f, args...) runs in the calling task: f and the arguments are already evaluated (they
// are C++ arguments), it copies them into a new task and returns. The new task remembers the
// location of the `go` statement; an error it does not catch is reported like one in main,
// followed by `FILE:LINE:COL: note: in task started here`, and ends the process with status 1.
// No exception ever leaves a task's fiber (that would be std::terminate).
#pragma once

#include <fmt/format.h>

#include <boost/fiber/fiber.hpp>
#include <boost/fiber/operations.hpp>

#include <charconv>
#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pyro/error.hpp"
#include "pyro/main.hpp"
#include "pyro/park.hpp"
#include "pyro/print.hpp"
#include "pyro/scheduler.hpp"
#include "pyro/stack.hpp"

namespace pyro::rt {

// PYRO_WORKER_THREADS's value: unset or empty gives `cores` (at least 1); a positive decimal
// integer gives itself; anything else nullopt.
inline std::optional<unsigned> parse_worker_threads(const char* value, unsigned cores) {
    if (value == nullptr || *value == '\0') {
        return cores == 0 ? 1 : cores;
    }
    const std::string_view text(value);
    unsigned n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || n == 0) {
        return std::nullopt;  // from_chars takes no sign or spaces: "+4", " 4", "4x" fail here
    }
    return n;
}

inline bool runtime_running() noexcept {
    return Pool::instance().size() != 0;
}

inline std::string task_error_report(std::string report, const SrcLoc* go_site) {
    report += '\n';
    if (go_site != nullptr) {
        report += fmt::format("{}:{}:{}: ", go_site->file, go_site->line, go_site->col);
    }
    report += "note: in task started here\n";
    return report;
}

// Runs a task's body; whatever it raises ends the process.
template <class Body>
void run_task_body(Body& body, const Task& task) noexcept {
    try {
        body();
        return;
    } catch (const Raised& e) {
        exit_process(1, task_error_report(uncaught_report(e.value(), e.where()), task.go_site));
    } catch (const std::bad_alloc&) {
        exit_process(2, "fatal error: out of memory\n");
    } catch (const std::exception& e) {
        exit_process(
            1, task_error_report(uncaught_report(BuiltinError(e.what()), nullptr), task.go_site));
    } catch (...) {
        exit_process(1, task_error_report("uncaught error: unknown C++ exception", task.go_site));
    }
}

// Starts `body` as a new task (see go).
template <class Body>
void spawn(Body&& body, const SrcLoc* go_site) {
    const boost::context::stack_context stack = StackPool::instance().allocate_task();
    const StackBounds bounds = StackPool::bounds_of(stack, kTaskStackSize);
    const bool counted = runtime_running();
    auto entry = [bounds, go_site, counted, body = std::forward<Body>(body)]() mutable noexcept {
        Task task;
        task.stack = bounds;
        task.go_site = go_site;
        task.counted = counted;
        enter_task(&task);
        run_task_body(body, task);
        if (counted) {
            task_stopped();  // may report a deadlock: still as this task
        }
        enter_task(nullptr);
    };
    if (counted) {
        task_started();  // before the task can run (and block): see park.hpp
    }
    if (Worker* worker = current_worker()) {
        worker->mark_new_task();
    }
    boost::fibers::fiber(std::allocator_arg, PooledStack(stack, false), std::move(entry)).detach();
}

// Starts the worker threads: this thread is worker 0. Exits on failure (status 2).
inline void start_workers(unsigned count) {
    Pool& pool = Pool::instance();
    pool.init(count);
    boost::fibers::use_scheduling_algorithm<Worker>(pool, 0u);
    try {
        for (unsigned i = 1; i < count; ++i) {
            std::thread([&pool, i] {
                boost::fibers::use_scheduling_algorithm<Worker>(pool, i);
                // This thread's own context never runs again: its scheduler runs tasks.
                context::active()->suspend();
            }).detach();
        }
    } catch (const std::system_error& e) {
        exit_process(
            2, fmt::format("fatal error: cannot start {} worker threads: {}\n", count, e.what()));
    }
}

// Exits with the main task's status. Opaque to the optimizer (noipa) so the main task's body
// is not itself inferred [[noreturn]]: AddressSanitizer would then handle the "no return"
// where Boost calls it, on the new stack before the task tells ASan about it (stack.hpp).
[[gnu::noipa]] inline void end_program(int status) {
    exit_process(status);
}

// The entry point PYRO_MAIN calls: runs `body` as the main task under the scheduler; never
// returns (the process exits with the program's status).
template <class Fn>
[[noreturn]] void run_tasks(int argc, char** argv, Fn& body) {
    const char* setting = std::getenv("PYRO_WORKER_THREADS");
    const std::optional<unsigned> workers =
        parse_worker_threads(setting, std::thread::hardware_concurrency());
    if (!workers) {
        exit_process(2, fmt::format("fatal error: PYRO_WORKER_THREADS must be a positive "
                                    "integer (got \"{}\")\n",
                                    setting));
    }
    start_workers(*workers);
    const boost::context::stack_context stack = StackPool::instance().allocate_main();
    const StackBounds bounds = StackPool::bounds_of(stack, kMainStackSize);
    task_started();
    boost::fibers::fiber(std::allocator_arg, PooledStack(stack, true), [=, &body]() noexcept {
        Task task;
        task.stack = bounds;
        task.counted = true;
        task_counts.main.store(&task, std::memory_order_release);
        enter_task(&task);
        end_program(run_main(argc, argv, body));  // run_main reports what the body raises
    }).detach();
    context::active()->suspend();  // as on the other workers: the scheduler takes over
    std::abort();                  // unreachable: nothing wakes this thread's own context
}

}  // namespace pyro::rt

namespace pyro {

// `go f(args...)`: runs f(args...) in a new task. The callee and the arguments are copied.
template <class F, class... Args>
void go(F&& f, Args&&... args) {
    const rt::SrcLoc* site = rt::current_task()->loc.load(std::memory_order_relaxed);
    rt::spawn(
        [fn = std::decay_t<F>(std::forward<F>(f)),
         arguments = std::tuple<std::decay_t<Args>...>(std::forward<Args>(args)...)]() mutable {
            std::apply(std::move(fn), std::move(arguments));
        },
        site);
}

}  // namespace pyro
