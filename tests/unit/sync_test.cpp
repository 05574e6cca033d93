// std.sync (WaitGroup, Mutex) and std.time on Boost.Fiber's default scheduler, and pyro::go
// outside the runtime.
#include <boost/fiber/all.hpp>
#include <pyro/std/time.hpp>
#include <pyro/sync.hpp>
#include <pyro/task.hpp>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "runtime_test_util.hpp"

using pyro::Int;
using runtime_test::error_of;
using namespace pyro::literals;

TEST_CASE("sync: WaitGroup.wait returns once the counter is back to zero", "[sync]") {
    pyro::sync::WaitGroup wg;
    wg.wait();  // zero: returns at once
    int done = 0;
    wg.add(3);
    std::vector<boost::fibers::fiber> workers;
    for (int i = 0; i < 3; ++i) {
        workers.emplace_back([wg, &done] {
            boost::this_fiber::yield();
            ++done;
            wg.done();
        });
    }
    std::vector<int> seen;
    boost::fibers::fiber other_waiter([wg, &done, &seen] {
        wg.wait();
        seen.push_back(done);
    });
    wg.wait();
    CHECK(done == 3);
    other_waiter.join();
    CHECK(seen == std::vector<int>{3});
    for (auto& f : workers) {
        f.join();
    }
    CHECK(error_of([&] { wg.done(); }) == "Error: negative WaitGroup counter");
    CHECK(pyro::str(wg) == "<WaitGroup>"_s);
}

TEST_CASE("sync: Mutex excludes, and hands over in arrival order", "[sync]") {
    pyro::sync::Mutex mu;
    std::vector<int> order;
    int inside = 0, most_inside = 0;
    mu.lock();
    std::vector<boost::fibers::fiber> fibers;
    for (int i = 0; i < 4; ++i) {
        fibers.emplace_back([mu, i, &order, &inside, &most_inside] {
            mu.lock();
            ++inside;
            most_inside = std::max(most_inside, inside);
            order.push_back(i);
            boost::this_fiber::yield();
            --inside;
            mu.unlock();
        });
        boost::this_fiber::yield();  // fiber i queues before fiber i + 1
    }
    mu.unlock();
    for (auto& f : fibers) {
        f.join();
    }
    CHECK(order == std::vector<int>{0, 1, 2, 3});
    CHECK(most_inside == 1);
    CHECK(error_of([&] { mu.unlock(); }) == "Error: unlock of unlocked mutex");
    CHECK(pyro::str(mu) == "<Mutex>"_s);
}

TEST_CASE("time: sleep waits about as long as asked and suspends only the fiber", "[time]") {
    int ticks = 0;
    boost::fibers::fiber ticker([&ticks] {
        for (int i = 0; i < 5; ++i) {
            ++ticks;
            boost::this_fiber::yield();
        }
    });
    const double start = pyro::time::monotonic();
    pyro::time::sleep(0.05);
    const double waited = pyro::time::monotonic() - start;
    CHECK(waited >= 0.05);
    CHECK(waited < 0.5);
    CHECK(ticks == 5);  // the other fiber ran meanwhile
    ticker.join();
    pyro::time::sleep(Int(0));
    pyro::time::sleep(0.0);
}

TEST_CASE("time: sleeping fibers wake in deadline order", "[time]") {
    std::vector<int> order;
    std::vector<boost::fibers::fiber> sleepers;
    for (int i : {3, 1, 2}) {
        sleepers.emplace_back([i, &order] {
            pyro::time::sleep(0.02 * i);
            order.push_back(i);
        });
    }
    for (auto& f : sleepers) {
        f.join();
    }
    CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE("time: a negative or NaN duration raises", "[time]") {
    CHECK(error_of([] { pyro::time::sleep(-1.5); }) == "Error: negative sleep duration: -1.5");
    CHECK(error_of([] { pyro::time::sleep(Int(-2)); }) == "Error: negative sleep duration: -2");
    CHECK(error_of([] { pyro::time::sleep(std::nan("")); }) ==
          "Error: invalid sleep duration: nan");
}

TEST_CASE("time: now, millis and monotonic", "[time]") {
    const double now = pyro::time::now();
    const Int millis = pyro::time::millis();
    CHECK(now > 1.6e9);  // after 2020
    CHECK(std::abs(static_cast<double>(millis.v) / 1000 - now) < 5);
    const double a = pyro::time::monotonic();
    const double b = pyro::time::monotonic();
    CHECK(b >= a);
}

TEST_CASE("go: outside the runtime, tasks run as fibers of the calling thread", "[go]") {
    auto results = pyro::chan<Int>(0);
    pyro::sync::WaitGroup wg;
    wg.add(3);
    for (int i = 1; i <= 3; ++i) {
        pyro::go(
            [](Int x, pyro::Sender<Int> out, pyro::sync::WaitGroup group) {
                out.push(x * 10);
                group.done();
            },
            i, results.sender(), wg);
    }
    Int sum = 0;
    for (int i = 0; i < 3; ++i) {
        sum = sum + results.collect();
    }
    wg.wait();
    CHECK(sum == 60);
}
