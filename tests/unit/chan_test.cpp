// Channels (chan.hpp) on Boost.Fiber's default scheduler: the unit-test process never starts
// the runtime's workers (that is for tests/runtime), so these tests exercise the channel
// logic and the attached wake-up path (Boost's local and remote queues), including several
// threads that each run their own fibers.
#include <boost/fiber/all.hpp>
#include <pyro/chan.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "runtime_test_util.hpp"
#include "task_test_util.hpp"

using pyro::Int;
using runtime_test::error_of;
using namespace pyro::literals;

namespace {

// Runs `body` as a fiber on this thread and waits for it.
template <class Body>
void in_fiber(Body&& body) {
    boost::fibers::fiber(std::forward<Body>(body)).join();
}

}  // namespace

TEST_CASE("chan: buffered channels keep FIFO order up to their capacity", "[chan]") {
    for (int capacity : {1, 2, 7, 100}) {
        auto c = pyro::chan<Int>(capacity);
        CHECK(c.capacity() == capacity);
        for (int i = 0; i < capacity; ++i) {
            c.push(i);
        }
        CHECK(c.len() == capacity);
        for (int i = 0; i < capacity; ++i) {
            CHECK(c.collect() == i);
        }
        CHECK(c.len() == 0);
    }
}

TEST_CASE("chan: a push to a full channel waits for a collect", "[chan]") {
    auto c = pyro::chan<Int>(1);
    std::vector<std::string> log;
    boost::fibers::fiber producer([&] {
        c.push(1);
        log.push_back("pushed 1");
        c.push(2);  // full: waits
        log.push_back("pushed 2");
    });
    boost::this_fiber::yield();
    CHECK(log == std::vector<std::string>{"pushed 1"});
    CHECK(c.collect() == 1);
    producer.join();
    CHECK(log == std::vector<std::string>{"pushed 1", "pushed 2"});
    CHECK(c.collect() == 2);
}

TEST_CASE("chan: an unbuffered push waits until a receiver takes the value", "[chan]") {
    auto c = pyro::chan<Int>(0);
    CHECK(c.capacity() == 0);
    bool pushed = false;
    boost::fibers::fiber producer([&] {
        c.push(42);
        pushed = true;
    });
    for (int i = 0; i < 5; ++i) {
        boost::this_fiber::yield();
    }
    CHECK_FALSE(pushed);
    CHECK(c.len() == 0);  // an unbuffered channel holds nothing
    CHECK(c.collect() == 42);
    producer.join();
    CHECK(pushed);
}

TEST_CASE("chan: a collect waits for a push, on a buffered or unbuffered channel", "[chan]") {
    for (int capacity : {0, 1, 5}) {
        auto c = pyro::chan<pyro::Str>(capacity);
        pyro::Str got;
        boost::fibers::fiber consumer([&] { got = c.collect(); });
        boost::this_fiber::yield();
        c.push("hello"_s);
        consumer.join();
        CHECK(got == "hello"_s);
    }
}

TEST_CASE("chan: waiting senders and receivers are served first come, first served", "[chan]") {
    auto c = pyro::chan<Int>(0);
    std::vector<Int> got(3);
    std::vector<boost::fibers::fiber> consumers;
    for (int i = 0; i < 3; ++i) {
        consumers.emplace_back([&, i] { got[i] = c.collect(); });
        boost::this_fiber::yield();  // consumer i waits before consumer i + 1
    }
    for (int v = 10; v < 13; ++v) {
        c.push(v);
    }
    for (auto& f : consumers) {
        f.join();
    }
    CHECK(got == std::vector<Int>{10, 11, 12});

    auto d = pyro::chan<Int>(1);
    d.push(0);
    std::vector<boost::fibers::fiber> producers;
    for (int i = 1; i <= 3; ++i) {
        producers.emplace_back([&, i] { d.push(i); });
        boost::this_fiber::yield();
    }
    for (int i = 0; i <= 3; ++i) {
        CHECK(d.collect() == i);
    }
    for (auto& f : producers) {
        f.join();
    }
}

TEST_CASE("chan: after close, buffered values drain, then collect raises", "[chan]") {
    auto c = pyro::chan<Int>(3);
    c.push(1);
    c.push(2);
    c.close();
    CHECK(c.collect() == 1);
    CHECK(c.collect() == 2);
    CHECK(error_of([&] { c.collect(); }) == "Error: collect on closed channel");
    CHECK(error_of([&] { c.collect(); }) == "Error: collect on closed channel");
}

TEST_CASE("chan: push on a closed channel and a second close raise", "[chan]") {
    auto c = pyro::chan<Int>(1);
    c.close();
    CHECK(error_of([&] { c.push(1); }) == "Error: push on closed channel");
    CHECK(error_of([&] { c.close(); }) == "Error: close of closed channel");
    auto u = pyro::chan<Int>(0);
    u.close();
    CHECK(error_of([&] { u.push(1); }) == "Error: push on closed channel");
    CHECK(error_of([&] { u.collect(); }) == "Error: collect on closed channel");
}

TEST_CASE("chan: close wakes waiting senders (they raise) and receivers (they raise)", "[chan]") {
    auto full = pyro::chan<Int>(1);
    full.push(1);
    std::string sender_error;
    auto sender = runtime_test::task_fiber([&] { sender_error = error_of([&] { full.push(2); }); });
    auto empty = pyro::chan<Int>(0);
    std::string receiver_error;
    auto receiver =
        runtime_test::task_fiber([&] { receiver_error = error_of([&] { empty.collect(); }); });
    boost::this_fiber::yield();
    full.close();
    empty.close();
    sender.join();
    receiver.join();
    CHECK(sender_error == "Error: push on closed channel");
    CHECK(receiver_error == "Error: collect on closed channel");
    CHECK(full.collect() == 1);  // the buffered value survives; the waiting one was refused
    CHECK(error_of([&] { full.collect(); }) == "Error: collect on closed channel");
}

TEST_CASE("chan: a negative capacity raises", "[chan]") {
    CHECK(error_of([] { pyro::chan<Int>(-1); }) == "Error: negative channel capacity: -1");
}

TEST_CASE("chan: iteration collects until the channel is closed and drained", "[chan]") {
    auto c = pyro::chan<Int>(2);
    boost::fibers::fiber producer([c] {
        for (int i = 1; i <= 5; ++i) {
            c.push(i);
        }
        c.close();
    });
    std::vector<Int> got;
    pyro::Receiver<Int> rx = c;
    for (Int v : rx) {
        got.push_back(v);
    }
    producer.join();
    CHECK(got == std::vector<Int>{1, 2, 3, 4, 5});
    std::vector<Int> none;
    for (Int v : c) {  // a closed, drained channel: no iterations
        none.push_back(v);
    }
    CHECK(none.empty());
}

TEST_CASE("chan: senders and receivers are views of one channel, equal by identity", "[chan]") {
    auto c = pyro::chan<Int>(1);
    pyro::Sender<Int> tx = c.sender();
    pyro::Receiver<Int> rx = c;  // implicit conversion
    tx.push(7);
    CHECK(rx.len() == 1);
    CHECK(rx.capacity() == 1);
    CHECK(rx.collect() == 7);
    CHECK(tx == c);
    CHECK(rx == tx);
    CHECK_FALSE(c == pyro::chan<Int>(1));
    tx.close();
    CHECK(error_of([&] { rx.collect(); }) == "Error: collect on closed channel");
}

TEST_CASE("chan: channels print with their element type", "[chan]") {
    auto c = pyro::chan<Int>(0);
    CHECK(pyro::str(c) == "<chan int>"_s);
    CHECK(pyro::str(pyro::chan<pyro::Str>(1).sender()) == "<Sender string>"_s);
    CHECK(pyro::str(pyro::chan<double>(1).receiver()) == "<Receiver float>"_s);
    CHECK(pyro::str(pyro::chan<pyro::Chan<bool>>(1)) == "<chan chan<bool>>"_s);
    CHECK(pyro::rt::format_line(c, 1) == "<chan int> 1\n");
}

TEST_CASE("chan: a channel that is not set yet raises instead of crashing", "[chan]") {
    pyro::Chan<Int> unset;
    CHECK(error_of([&] { unset.push(1); }) == "Error: channel used before it is set");
}

TEST_CASE("chan: many fibers on one thread move every value exactly once", "[chan]") {
    for (int capacity : {0, 1, 16}) {
        auto c = pyro::chan<Int>(capacity);
        constexpr int kProducers = 8, kPerProducer = 2000;
        std::vector<boost::fibers::fiber> fibers;
        std::int64_t sum = 0, count = 0;
        for (int p = 0; p < kProducers; ++p) {
            fibers.emplace_back([c, p] {
                for (int i = 0; i < kPerProducer; ++i) {
                    c.push(p * kPerProducer + i);
                }
            });
        }
        for (int r = 0; r < 4; ++r) {
            fibers.emplace_back([c, &sum, &count] {
                for (int i = 0; i < kProducers * kPerProducer / 4; ++i) {
                    sum += c.collect().v;
                    ++count;
                }
            });
        }
        for (auto& f : fibers) {
            f.join();
        }
        const std::int64_t n = kProducers * kPerProducer;
        CHECK(count == n);
        CHECK(sum == n * (n - 1) / 2);
    }
}

// 8 producers and 8 consumers on 4 threads (each thread runs its own Boost scheduler, so
// wake-ups cross threads through Boost's remote queues) move 1,000,000 values; every value
// arrives exactly once, and each producer's values arrive in order.
TEST_CASE("chan: 8 producers x 8 consumers across threads move 1,000,000 values", "[chan]") {
    constexpr int kProducers = 8, kConsumers = 8, kThreads = 4;
    constexpr std::int64_t kPerProducer = 125'000;
    for (int capacity : {0, 64}) {
        auto c = pyro::chan<Int>(capacity);
        std::atomic<std::int64_t> sum{0}, count{0}, out_of_order{0};
        auto consume = [&, c](std::int64_t share) {
            std::vector<std::int64_t> last(kProducers, -1);
            std::int64_t local = 0;
            for (std::int64_t i = 0; i < share; ++i) {
                const std::int64_t v = c.collect().v;
                const auto producer = static_cast<std::size_t>(v / kPerProducer);
                if (v % kPerProducer <= last[producer]) {
                    ++out_of_order;
                }
                last[producer] = v % kPerProducer;
                local += v;
            }
            sum += local;
            count += share;
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t, c] {
                std::vector<boost::fibers::fiber> fibers;
                for (int p = t; p < kProducers; p += kThreads) {
                    fibers.emplace_back([c, p] {
                        for (std::int64_t i = 0; i < kPerProducer; ++i) {
                            c.push(p * kPerProducer + i);
                        }
                    });
                }
                for (int k = t; k < kConsumers; k += kThreads) {
                    fibers.emplace_back(consume, kProducers * kPerProducer / kConsumers);
                }
                for (auto& f : fibers) {
                    f.join();
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        const std::int64_t n = kProducers * kPerProducer;
        CHECK(count == n);
        CHECK(sum == n * (n - 1) / 2);
        CHECK(out_of_order == 0);
    }
}
