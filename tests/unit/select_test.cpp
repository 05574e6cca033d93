// select (select.hpp) on Boost.Fiber's default scheduler: readiness, default, timeouts, close,
// fairness, and a select woken by another fiber or thread.
#include <boost/fiber/all.hpp>
#include <pyro/select.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "runtime_test_util.hpp"

using pyro::Int;
using pyro::rt::select;
using pyro::rt::select_after;
using pyro::rt::select_collect;
using pyro::rt::select_default;
using pyro::rt::select_push;
using runtime_test::error_of;

TEST_CASE("select: performs the one ready case", "[select]") {
    auto a = pyro::chan<Int>(1);
    auto b = pyro::chan<Int>(1);
    b.push(5);
    auto case0 = select_collect(a);
    auto case1 = select_collect(b);
    CHECK(select(case0, case1) == 1);
    CHECK(case1.take() == 5);
    CHECK(b.len() == 0);

    auto full = pyro::chan<Int>(1);
    full.push(1);
    auto push0 = select_push(full, 2);
    auto push1 = select_push(a, 3);
    CHECK(select(push0, push1) == 1);
    CHECK(a.collect() == 3);
    CHECK(full.len() == 1);
}

TEST_CASE("select: default runs when nothing is ready, and only then", "[select]") {
    auto c = pyro::chan<Int>(0);
    auto collect = select_collect(c);
    auto push = select_push(c, 1);
    CHECK(select(collect, push, select_default()) == 2);
    CHECK(c.len() == 0);
    auto ready = pyro::chan<Int>(1);
    ready.push(9);
    auto got = select_collect(ready);
    CHECK(select(select_default(), got) == 1);
    CHECK(got.take() == 9);
}

TEST_CASE("select: an after case fires when nothing else is ready; the earliest wins", "[select]") {
    auto c = pyro::chan<Int>(0);
    auto collect = select_collect(c);
    const auto start = std::chrono::steady_clock::now();
    CHECK(select(collect, select_after(0.2), select_after(0.05), select_after(Int(1))) == 2);
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(waited >= 0.05);
    CHECK(waited < 0.19);
    auto again = select_collect(c);
    CHECK(select(again, select_after(-1.0)) == 1);  // already due
    CHECK(error_of([] { select_after(std::nan("")); }) == "Error: invalid timeout: nan");
}

TEST_CASE("select: a waiting select is completed by a push from another fiber", "[select]") {
    auto a = pyro::chan<Int>(0);
    auto b = pyro::chan<Int>(0);
    boost::fibers::fiber pusher([b] { b.push(11); });
    auto case0 = select_collect(a);
    auto case1 = select_collect(b);
    CHECK(select(case0, case1, select_after(5.0)) == 1);
    CHECK(case1.take() == 11);
    pusher.join();
    // The select unregistered from `a`: a later push there finds no stale receiver.
    auto late = select_push(a, 1);
    CHECK(select(late, select_default()) == 1);
}

TEST_CASE("select: a waiting push case is completed by a collect", "[select]") {
    auto c = pyro::chan<Int>(0);
    Int got = 0;
    boost::fibers::fiber collector([&] { got = c.collect(); });
    auto other = pyro::chan<Int>(0);
    auto push = select_push(c, 77);
    auto never = select_collect(other);
    CHECK(select(never, push) == 1);
    collector.join();
    CHECK(got == 77);
}

TEST_CASE("select: a closed channel makes its cases ready, and choosing them raises", "[select]") {
    auto c = pyro::chan<Int>(1);
    c.push(1);
    c.close();
    auto drain = select_collect(c);
    CHECK(select(drain) == 0);  // buffered values still come first
    CHECK(drain.take() == 1);
    auto closed = select_collect(c);
    CHECK(error_of([&] { select(closed, select_after(5.0)); }) ==
          "Error: collect on closed channel");
    auto push = select_push(c, 2);
    CHECK(error_of([&] { select(push, select_default()); }) == "Error: push on closed channel");
}

TEST_CASE("select: closing a channel wakes a select waiting on it", "[select]") {
    auto c = pyro::chan<Int>(0);
    boost::fibers::fiber closer([c] { c.close(); });
    auto collect = select_collect(c);
    CHECK(error_of([&] { select(collect); }) == "Error: collect on closed channel");
    closer.join();
}

TEST_CASE("select: the choice among ready cases is fair", "[select]") {
    auto a = pyro::chan<Int>(1);
    auto b = pyro::chan<Int>(1);
    constexpr int kRounds = 10'000;
    int chose_a = 0;
    for (int i = 0; i < kRounds; ++i) {
        a.push(1);
        b.push(2);
        auto from_a = select_collect(a);
        auto from_b = select_collect(b);
        if (select(from_a, from_b) == 0) {
            ++chose_a;
            CHECK(b.collect() == 2);
        } else {
            CHECK(a.collect() == 1);
        }
    }
    CHECK(chose_a > kRounds * 40 / 100);
    CHECK(chose_a < kRounds * 60 / 100);
}

TEST_CASE("select: the same channel in a collect and a push case", "[select]") {
    auto c = pyro::chan<Int>(1);
    auto collect = select_collect(c);
    auto push = select_push(c, 3);
    CHECK(select(collect, push) == 1);  // empty: only the push can proceed
    auto collect2 = select_collect(c);
    auto push2 = select_push(c, 4);
    CHECK(select(collect2, push2) == 0);  // full: only the collect can proceed
    CHECK(collect2.take() == 3);
}

TEST_CASE("select: woken by a push from another thread", "[select]") {
    auto c = pyro::chan<Int>(0);
    std::thread other([c] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        boost::fibers::fiber([c] { c.push(5); }).join();
    });
    auto collect = select_collect(c);
    CHECK(select(collect, select_after(5.0)) == 0);
    CHECK(collect.take() == 5);
    other.join();
}
