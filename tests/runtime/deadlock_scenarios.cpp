// Deadlock detection (LANGUAGE.md 6.3): when every task waits on something only another task
// could provide, the program reports it at the main task's waiting statement and exits 2;
// waits that a timer ends (sleep, select with after) never count.
#include "scenario.hpp"

using pyro::Int;
using scenario::check;

static constexpr const char* pyro_file = "deadlock.pyro";

// Expected: stdout "before", then on stderr
// deadlock.pyro:12:5: fatal error: all tasks are blocked (deadlock)
RUNTIME_SCENARIO(deadlock_main_collect) {
    PYRO_ENTER();
    auto c = pyro::chan<Int>(0);
    pyro::print("before");
    PYRO_AT(12, 5);
    c.collect();
}

// Two tasks wait for each other; main waits for both.
RUNTIME_SCENARIO(deadlock_cycle) {
    PYRO_ENTER();
    auto a = pyro::chan<Int>(0);
    auto b = pyro::chan<Int>(0);
    pyro::sync::WaitGroup wg;
    wg.add(2);
    pyro::go([a, b, wg] {
        a.collect();
        b.push(1);
        wg.done();
    });
    pyro::go([a, b, wg] {
        b.collect();
        a.push(1);
        wg.done();
    });
    PYRO_AT(20, 5);
    wg.wait();
}

RUNTIME_SCENARIO(deadlock_mutex) {
    PYRO_ENTER();
    pyro::sync::Mutex mu;
    mu.lock();
    PYRO_AT(30, 5);
    mu.lock();
}

RUNTIME_SCENARIO(deadlock_select) {
    PYRO_ENTER();
    auto a = pyro::chan<Int>(0);
    auto b = pyro::chan<Int>(1);
    b.push(1);  // full: the push case cannot proceed either
    auto collect = pyro::rt::select_collect(a);
    auto push = pyro::rt::select_push(b, 2);
    PYRO_AT(40, 5);
    pyro::rt::select(collect, push);
}

// The deadlock appears only when the last task that could have helped ends.
RUNTIME_SCENARIO(deadlock_after_last_task_ends) {
    PYRO_ENTER();
    auto c = pyro::chan<Int>(0);
    pyro::go([] { pyro::time::sleep(0.1); });
    PYRO_AT(50, 5);
    c.collect();
}

// Many tasks blocked on many workers.
RUNTIME_SCENARIO(deadlock_many_blocked) {
    PYRO_ENTER();
    auto c = pyro::chan<Int>(0);
    pyro::sync::WaitGroup wg;
    wg.add(1001);
    for (int i = 0; i < 1000; ++i) {
        pyro::go([c, wg] {
            wg.done();
            c.collect();
        });
    }
    PYRO_AT(60, 5);
    wg.wait();
}

// No deadlock: a sleeping task will push.
RUNTIME_SCENARIO(no_deadlock_sleeper) {
    auto c = pyro::chan<Int>(0);
    pyro::go([c] {
        pyro::time::sleep(0.2);
        c.push(5);
    });
    check(c.collect() == 5, "collected from the sleeper");
    pyro::print("ok");
}

// No deadlock: a select with a timeout is a timed wait.
RUNTIME_SCENARIO(no_deadlock_select_after) {
    auto c = pyro::chan<Int>(0);
    auto collect = pyro::rt::select_collect(c);
    check(pyro::rt::select(collect, pyro::rt::select_after(0.1)) == 1, "timed out");
    pyro::print("ok");
}

// No false alarm while tasks hand work back and forth as fast as they can: every hand-off
// makes the running count dip and rise, on every worker at once.
RUNTIME_SCENARIO(no_deadlock_handoff_storm) {
    constexpr int kPairs = 64, kRounds = 2000;
    pyro::sync::WaitGroup wg;
    wg.add(kPairs);
    for (int p = 0; p < kPairs; ++p) {
        auto ping = pyro::chan<Int>(0);
        auto pong = pyro::chan<Int>(0);
        pyro::go([ping, pong] {
            for (Int v : ping) {
                pong.push(v + 1);
            }
        });
        pyro::go([ping, pong, wg] {
            for (int i = 0; i < kRounds; ++i) {
                ping.push(i);
                check(pong.collect() == i + 1, "pong answers ping");
            }
            ping.close();
            wg.done();
        });
    }
    wg.wait();
    pyro::print("ok");
}
