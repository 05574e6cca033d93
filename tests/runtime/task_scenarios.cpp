// Tasks (LANGUAGE.md 6.1): errors in tasks and in main, the end of the program, stack
// overflow, idle workers, timers, spreading over workers, whole-line printing.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "scenario.hpp"

using pyro::Int;
using scenario::check;

static constexpr const char* pyro_file = "tasks.pyro";

namespace {

void fails() {
    PYRO_ENTER();
    PYRO_AT(9, 3);
    pyro::rt::raise_error("boom");
}

Int recurse(Int n) {
    pyro::rt::check_stack();  // what PYRO_ENTER will do
    PYRO_ENTER();
    if (n < 0) {
        return n;
    }
    PYRO_AT(14, 5);
    return recurse(n + 1) + Int(1);
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

// Expected, exit status 1:
// tasks.pyro:9:3: uncaught error: Error: boom
// tasks.pyro:5:5: note: in task started here
RUNTIME_SCENARIO(task_error) {
    PYRO_ENTER();
    auto never = pyro::chan<Int>(0);
    PYRO_AT(5, 5);
    pyro::go(fails);
    PYRO_AT(6, 5);
    never.collect();
}

// Expected, exit status 1: tasks.pyro:9:3: uncaught error: Error: boom
RUNTIME_SCENARIO(main_error) {
    pyro::print("before");
    fails();
}

// Expected: exit status 0, stdout "done" although tasks are still blocked and sleeping.
RUNTIME_SCENARIO(main_returns_abandoning_tasks) {
    auto never = pyro::chan<Int>(0);
    for (int i = 0; i < 10; ++i) {
        pyro::go([never] { never.collect(); });
        pyro::go([] {
            for (;;) {
                pyro::time::sleep(0.01);
            }
        });
    }
    pyro::time::sleep(0.05);
    pyro::print("done");
}

// Expected, exit status 1: uncaught stack overflow at tasks.pyro:14:5, started at 20:5.
RUNTIME_SCENARIO(stack_overflow_task) {
    PYRO_ENTER();
    auto never = pyro::chan<Int>(0);
    PYRO_AT(20, 5);
    pyro::go(recurse, 0);
    never.collect();
}

// A stack overflow is an ordinary error: it can be caught, in main and in tasks, and the task
// (and its stack) remain usable.
RUNTIME_SCENARIO(stack_overflow_caught) {
    auto caught = [] {
        try {
            recurse(0);
        } catch (const pyro::rt::Raised& e) {
            return e.str();
        }
        return std::string("no error");
    };
    check(caught() == "Error: stack overflow", "caught in main");
    auto results = pyro::chan<pyro::Str>(4);
    for (int i = 0; i < 4; ++i) {
        pyro::go([results, caught] {
            std::string first = caught();
            std::string second = caught();
            results.push(pyro::Str(first == second ? first : "differs"));
        });
    }
    for (int i = 0; i < 4; ++i) {
        check(results.collect() == pyro::Str(std::string_view("Error: stack overflow")),
              "caught in a task");
    }
    pyro::print("ok");
}

// Expected, exit status 1: uncaught stack overflow in main.
RUNTIME_SCENARIO(stack_overflow_main) {
    recurse(0);
}

// A program whose tasks all sleep uses (almost) no CPU: idle workers park.
RUNTIME_SCENARIO(sleep_uses_no_cpu) {
    for (int i = 0; i < 4; ++i) {
        pyro::go([] { pyro::time::sleep(1.5); });
    }
    const double before = cpu_seconds();
    pyro::time::sleep(2.0);
    const double used = cpu_seconds() - before;
    std::printf("cpu %.3f s\n", used);
    check(used < 0.1, "under 0.1 s of CPU while sleeping 2 s");
    pyro::print("ok");
}

// Many timers, registered from many tasks on all workers, all fire, none early.
RUNTIME_SCENARIO(timers_many) {
    constexpr int kTasks = 2000;
    pyro::sync::WaitGroup wg;
    wg.add(kTasks);
    auto early = pyro::chan<Int>(kTasks);
    const double start = pyro::time::monotonic();
    for (int i = 0; i < kTasks; ++i) {
        pyro::go([wg, early, i] {
            const double delay = 0.001 * (i % 50);
            const double t0 = pyro::time::monotonic();
            pyro::time::sleep(delay);
            if (pyro::time::monotonic() - t0 < delay) {
                early.push(i);
            }
            wg.done();
        });
    }
    wg.wait();
    check(early.len() == 0, "no sleep ends early");
    check(pyro::time::monotonic() - start < 5.0, "timers fire promptly");
    pyro::print("ok");
}

// CPU-bound tasks spread over every worker thread.
RUNTIME_SCENARIO(spread_over_workers) {
    const unsigned workers = pyro::rt::Pool::instance().size();
    std::mutex mu;
    std::set<std::thread::id> threads;
    pyro::sync::WaitGroup wg;
    const int tasks = static_cast<int>(workers) * 4;
    wg.add(tasks);
    for (int i = 0; i < tasks; ++i) {
        pyro::go([&mu, &threads, wg] {
            const double until = pyro::time::monotonic() + 0.05;
            while (pyro::time::monotonic() < until) {
            }
            std::lock_guard lock(mu);
            threads.insert(std::this_thread::get_id());
            wg.done();
        });
    }
    wg.wait();
    std::printf("%zu threads of %u\n", threads.size(), workers);
    check(threads.size() == workers, "every worker ran tasks");
    pyro::print("ok");
}

// Lines printed by many tasks at once come out whole.
RUNTIME_SCENARIO(print_whole_lines) {
    std::FILE* out = std::tmpfile();
    pyro::rt::set_output(out, nullptr);
    constexpr int kTasks = 8, kLines = 2000;
    pyro::sync::WaitGroup wg;
    wg.add(kTasks);
    for (int t = 0; t < kTasks; ++t) {
        pyro::go([t, wg] {
            const pyro::Str text(std::string(100, static_cast<char>('a' + t)));
            for (int i = 0; i < kLines; ++i) {
                pyro::print(text, i);
                if (i % 100 == 0) {
                    pyro::time::sleep(0.0);
                }
            }
            wg.done();
        });
    }
    wg.wait();
    pyro::rt::set_output(nullptr, nullptr);
    std::rewind(out);
    char line[256];
    int count = 0;
    while (std::fgets(line, sizeof line, out) != nullptr) {
        const std::string s(line);
        check(s.size() > 102 && s.find_first_not_of(s[0]) == 100, "a line is whole");
        ++count;
    }
    check(count == kTasks * kLines, "every line arrived");
    pyro::print("ok");
}
